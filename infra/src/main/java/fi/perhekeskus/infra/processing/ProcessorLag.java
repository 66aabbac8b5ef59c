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
            processed = Math.min(processed, positions.values().stream().mapToLong(p -> p + 1).sum());
            end = Math.max(end, ends.values().stream().mapToLong(Long::longValue).sum());
        }
        return processed == Long.MAX_VALUE ? Optional.empty() : Optional.of(new long[] {processed, end});
    }

    private long kafkaLag(KafkaTrackingToken token) {
        Map<TopicPartition, Long> processed = token.getPositions();
        List<TopicPartition> partitions = new ArrayList<>(processed.keySet());
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> end = consumer().endOffsets(partitions, Duration.ofSeconds(5));
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - processed.getOrDefault(e.getKey(), -1L) - 1))
                .sum();
    }

    private Consumer<byte[], byte[]> consumer() {
        if (offsets == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "lag-monitor");
            offsets = new KafkaConsumer<>(config);
        }
        return offsets;
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
    }
}
