package fi.perhekeskus.infra.processing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * How many events a streaming processor is behind its source: for the event store, the head's
 * global index minus the processor's position; for Kafka, the end offsets minus the processed
 * offsets. The slowest segment counts.
 */
public class ProcessorLag implements AutoCloseable {

    private final Configuration axon;
    private final String bootstrapServers;
    private Consumer<byte[], byte[]> offsets;

    public ProcessorLag(Configuration axon, String bootstrapServers) {
        this.axon = axon;
        this.bootstrapServers = bootstrapServers;
    }

    public synchronized OptionalLong lag(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long worst = 0;
        for (EventTrackerStatus segment : status.values()) {
            TrackingToken token = segment.getTrackingToken();
            long lag;
            if (token instanceof KafkaTrackingToken kafka) {
                lag = kafkaLag(kafka);
            } else if (token != null) {
                TrackingToken headToken = axon.eventStore().createHeadToken();
                OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
                long position = segment.getCurrentPosition().orElse(-1);
                lag = head.isPresent() ? Math.max(0, head.getAsLong() - position) : 0;
            } else {
                // Not started yet: nothing is known about its position.
                continue;
            }
            worst = Math.max(worst, lag);
        }
        return OptionalLong.of(worst);
    }

    /**
     * For a processor reading Kafka: records processed and records on the topics (sum over
     * partitions), for the slowest segment; empty before it has a token.
     */
    public synchronized Optional<long[]> kafkaProgress(StreamingEventProcessor processor) {
        long processed = Long.MAX_VALUE;
        long end = 0;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            if (!(segment.getTrackingToken() instanceof KafkaTrackingToken kafka) || kafka.getPositions().isEmpty()) {
                continue;
            }
            Map<TopicPartition, Long> positions = kafka.getPositions();
            Map<TopicPartition, Long> ends = consumer().endOffsets(new ArrayList<>(positions.keySet()), Duration.ofSeconds(5));
            long segmentEnd = ends.values().stream().mapToLong(Long::longValue).sum();
            long behind = ends.entrySet().stream()
                    .mapToLong(e -> unread(e.getKey(), positions.getOrDefault(e.getKey(), -1L) + 1, e.getValue()))
                    .sum();
            // In offsets, so that the transactions' markers count as read once everything before them is.
            processed = Math.min(processed, segmentEnd - behind);
            end = Math.max(end, segmentEnd);
        }
        return processed == Long.MAX_VALUE ? Optional.empty() : Optional.of(new long[] {processed, end});
    }

    /** A partition a processor cannot be reading correctly, with both positions (end null: the partition is gone). */
    public record PositionProblem(String topic, int partition, long processedUpTo, Long endOffset) {

        public String describe() {
            return endOffset == null
                    ? "%s partition %d: processed up to offset %d, but the partition no longer exists"
                    .formatted(topic, partition, processedUpTo)
                    : "%s partition %d: processed up to offset %d, but the partition ends at offset %d"
                    .formatted(topic, partition, processedUpTo, endOffset);
        }
    }

    /**
     * Partitions where the processor's stored position lies beyond the partition's end, or that
     * vanished: a topic recreated or a cluster restored. Records below the old position would be
     * taken as already handled and skipped, so such a processor must be reset, never trusted.
     * A broker that does not answer gives no verdict (empty), rather than a false one.
     */
    public synchronized List<PositionProblem> positionProblems(StreamingEventProcessor processor) {
        List<PositionProblem> problems = new ArrayList<>();
        try {
            for (EventTrackerStatus segment : processor.processingStatus().values()) {
                if (!(segment.getTrackingToken() instanceof KafkaTrackingToken kafka)) {
                    continue;
                }
                Map<TopicPartition, Long> positions = kafka.getPositions();
                Map<String, List<Integer>> existing = new HashMap<>();
                for (TopicPartition partition : positions.keySet()) {
                    existing.computeIfAbsent(partition.topic(), t -> consumer().partitionsFor(t, Duration.ofSeconds(5))
                            .stream().map(org.apache.kafka.common.PartitionInfo::partition).toList());
                }
                List<TopicPartition> present = positions.keySet().stream()
                        .filter(p -> existing.get(p.topic()).contains(p.partition())).toList();
                Map<TopicPartition, Long> ends = present.isEmpty() ? Map.of()
                        : consumer().endOffsets(present, Duration.ofSeconds(5));
                for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
                    TopicPartition partition = position.getKey();
                    Long end = ends.get(partition);
                    if (!present.contains(partition)) {
                        problems.add(new PositionProblem(partition.topic(), partition.partition(), position.getValue(), null));
                    } else if (end != null && position.getValue() + 1 > end) {
                        problems.add(new PositionProblem(partition.topic(), partition.partition(), position.getValue(), end));
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException unanswered) {
            return List.of();
        }
        return problems;
    }

    private long kafkaLag(KafkaTrackingToken token) {
        Map<TopicPartition, Long> processed = token.getPositions();
        List<TopicPartition> partitions = new ArrayList<>(processed.keySet());
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> end = consumer().endOffsets(partitions, Duration.ofSeconds(5));
        return end.entrySet().stream()
                .mapToLong(e -> unread(e.getKey(), processed.getOrDefault(e.getKey(), -1L) + 1, e.getValue()))
                .sum();
    }

    /**
     * Records a read-committed consumer would still get between {@code from} and {@code end}. The
     * offsets alone overstate it: every transaction leaves a marker (and an aborted one its records)
     * that no consumer ever receives, so a processor that has read everything is still "behind" by
     * them. A short gap is read to count what is really there; a long one counts as its offsets.
     */
    private long unread(TopicPartition partition, long from, long end) {
        long gap = Math.max(0, end - from);
        if (gap == 0 || gap > PROBED_GAP) {
            return gap;
        }
        // Health, metrics and catch-up waits ask often; while neither end moves, the answer stands.
        Probed known = probed.get(partition);
        if (known != null && known.from() == from && known.end() == end) {
            return known.unread();
        }
        OptionalLong unread = probe(partition, from, end);
        if (unread.isEmpty()) {
            // Not read to the end in time: no verdict to keep, count the offsets.
            return gap;
        }
        probed.put(partition, new Probed(from, end, unread.getAsLong()));
        return unread.getAsLong();
    }

    private record Probed(long from, long end, long unread) {
    }

    private final Map<TopicPartition, Probed> probed = new HashMap<>();

    private OptionalLong probe(TopicPartition partition, long from, long end) {
        Consumer<byte[], byte[]> probe = probe();
        probe.assign(List.of(partition));
        probe.seek(partition, from);
        long records = 0;
        long deadline = System.nanoTime() + PROBE_TIME.toNanos();
        while (probe.position(partition, PROBE_TIME) < end && System.nanoTime() < deadline) {
            records += probe.poll(Duration.ofMillis(100)).records(partition).stream()
                    .filter(r -> r.offset() < end).count();
        }
        return probe.position(partition, PROBE_TIME) < end ? OptionalLong.empty() : OptionalLong.of(records);
    }

    /** Larger gaps are a real backlog; reading them would only slow the measure down. */
    private static final long PROBED_GAP = 1_000;
    private static final Duration PROBE_TIME = Duration.ofSeconds(2);

    private Consumer<byte[], byte[]> probe;

    private Consumer<byte[], byte[]> probe() {
        if (probe == null) {
            probe = new KafkaConsumer<>(config("lag-probe"));
        }
        return probe;
    }

    private Map<String, Object> config(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // End offsets are the last stable offsets: an open transaction's records are not there yet.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    private Consumer<byte[], byte[]> consumer() {
        if (offsets == null) {
            offsets = new KafkaConsumer<>(config("lag-monitor"));
        }
        return offsets;
    }

    /** Events parked in the processor's dead-letter queue (0 without one). */
    public long parked(String processor) {
        return axon.eventProcessingConfiguration().deadLetterQueue(processor).map(q -> q.size()).orElse(0L);
    }

    /** The streaming processors of this service by name. */
    public Map<String, StreamingEventProcessor> processors() {
        return axon.eventProcessingConfiguration().eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (StreamingEventProcessor) e.getValue()));
    }

    @Override
    public synchronized void close() {
        if (offsets != null) {
            offsets.close();
        }
        if (probe != null) {
            probe.close();
        }
    }
}
