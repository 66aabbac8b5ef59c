package fi.perhekeskus.referral.support;

import fi.perhekeskus.infra.local.LocalInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its end as it was when the watch began: what a test's requests publish,
 * without the records earlier tests left on the shared broker.
 */
public class TopicWatch implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicWatch(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Larger than any record may be: a record the topic holds is one the watch can read.
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end positions now, before the test publishes anything.
        partitions.forEach(consumer::position);
    }

    /** The records with this key (aggregate id), once there are at least {@code count} of them. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count, Duration within) {
        await().atMost(within).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return of(key).size() >= count;
        });
        return of(key);
    }

    private List<ConsumerRecord<String, byte[]>> of(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
