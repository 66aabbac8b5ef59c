package fi.perhekeskus.infra.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The counting of {@code ./run chaos} and {@code ./run bench --two-instances}: what the clients were
 * told was done (per referral, the event types of its acknowledged commands) against what the event
 * store holds, what the topics carry and what the reporting projection applied. The counting is
 * pure; {@link #readAll} reads a topic to its end for it.
 */
final class EventAccounting {

    /** The reporting projection's field set by each referral event. */
    static final Map<String, String> FLOW_FIELD = Map.of("ReferralMade", "madeAt", "ReferralReceived", "receivedAt",
            "ReferralAccepted", "acceptedAt");

    /** Acknowledged events missing from a store, and events held more than once. */
    record Tally(long lost, long duplicated) {
    }

    /** What the referral flow projection holds of the acknowledged events. */
    record Applied(long lost, long appliedBeyondOrTwice, Map<String, Long> byType) {
    }

    private EventAccounting() {
    }

    /**
     * Acknowledged ⇒ stored exactly once: {@code stored} is aggregate → event type → events stored.
     * An acknowledged event with none stored is lost; each stored beyond the first a duplicate.
     */
    static Tally stored(Map<String, ? extends Collection<String>> acknowledged, Map<String, Map<String, Integer>> stored) {
        long lost = 0;
        long duplicated = 0;
        for (var entry : acknowledged.entrySet()) {
            Map<String, Integer> events = stored.getOrDefault(entry.getKey(), Map.of());
            for (String type : entry.getValue()) {
                int count = events.getOrDefault(type, 0);
                lost += count == 0 ? 1 : 0;
                duplicated += count > 1 ? count - 1 : 0;
            }
        }
        return new Tally(lost, duplicated);
    }

    /** Aggregates whose stored sequence numbers are not exactly 0, 1, ... n-1 (a gap, a repeat, a wrong start). */
    static long brokenSequences(Map<String, ? extends Collection<Long>> sequences) {
        long broken = 0;
        for (Collection<Long> numbers : sequences.values()) {
            List<Long> sorted = new ArrayList<>(numbers);
            sorted.sort(null);
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i) {
                    broken++;
                    break;
                }
            }
        }
        return broken;
    }

    /** Records beyond the first of each CloudEvents id. */
    static long duplicateRecords(Collection<String> ceIds) {
        return ceIds.size() - new HashSet<>(ceIds).size();
    }

    /** How many of {@code expected} are not in {@code present}. */
    static long missing(Collection<String> expected, Set<String> present) {
        return expected.stream().filter(id -> !present.contains(id)).count();
    }

    /**
     * Acknowledged ⇒ applied exactly once by the referral flow projection ({@code flow}: referral
     * id → its document). An acknowledged event whose field is unset is lost; a document whose last
     * applied sequence ({@code _seq}) is not that of the last acknowledged event applied beyond it or twice.
     */
    static Applied applied(Map<String, ? extends Collection<String>> acknowledged,
                           Map<String, ? extends Map<String, Object>> flow) {
        long lost = 0;
        long beyond = 0;
        Map<String, Long> byType = new TreeMap<>();
        FLOW_FIELD.keySet().forEach(type -> byType.put(type, 0L));
        for (var entry : acknowledged.entrySet()) {
            Map<String, Object> document = flow.get(entry.getKey());
            for (String type : entry.getValue()) {
                boolean there = document != null && document.get(FLOW_FIELD.get(type)) != null;
                lost += there ? 0 : 1;
                if (there) {
                    byType.merge(type, 1L, Long::sum);
                }
            }
            if (document != null && document.get("_seq") instanceof Number seq
                    && seq.longValue() != entry.getValue().size() - 1) {
                beyond++;
            }
        }
        return new Applied(lost, beyond, byType);
    }

    /** Every committed record of {@code topic}, from the beginning to the end it has now. */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers, "max.poll.records", 5000, "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** The event's name in a CloudEvents type ({@code fi.perhekeskus.referral.ReferralMade.v1} → {@code ReferralMade}). */
    static String eventName(String ceType) {
        return ceType.replaceAll("^.*\\.([A-Za-z]+)\\.v\\d+$", "$1");
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
