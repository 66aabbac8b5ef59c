package fi.perhekeskus.infra.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The platform's Kafka choices. The broker address is Spring's standard
 * {@code spring.kafka.bootstrap-servers} (env {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}).
 *
 * @param source           the CloudEvents {@code ce_source} of this service's events
 * @param publish          whether this service publishes its stored events
 * @param createTopics     create the public topics at start when missing (off where they are provisioned)
 * @param partitions       partitions of a topic created here
 * @param consume          whether this service consumes public topics
 * @param consumeTopics    topics this service consumes
 * @param publisherSegments segments of the publishing processor (parallel, ordered per aggregate)
 * @param publisherBatchSize events per publishing batch
 * @param consumeLinger     how long a consuming processor waits after a record arrives, so that
 *                          records arriving together are handled (and their token stored) as one batch
 * @param maxRecordBytes    the largest record the producer sends ({@code max.request.size}) and a topic
 *                          created here takes ({@code max.message.bytes}); default 1 MiB, about ten
 *                          times the largest event a request within the limits of docs/contract.md can produce
 *                          (see EventSizeTest in referral-service)
 */
@ConfigurationProperties("perhekeskus.kafka")
public record KafkaSettings(
        String source,
        boolean publish,
        Boolean createTopics,
        Integer partitions,
        boolean consume,
        List<String> consumeTopics,
        Integer publisherSegments,
        Integer publisherBatchSize,
        Duration consumeLinger,
        Integer maxRecordBytes) {

    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    public KafkaSettings {
        source = source == null ? "/perhekeskus" : source;
        createTopics = createTopics == null || createTopics;
        partitions = partitions == null ? 3 : partitions;
        consumeTopics = consumeTopics == null ? List.of() : List.copyOf(consumeTopics);
        // One: each tracking thread reads every event and moves its token even past the others' events.
        publisherSegments = publisherSegments == null ? 1 : publisherSegments;
        publisherBatchSize = publisherBatchSize == null ? 100 : publisherBatchSize;
        consumeLinger = consumeLinger == null ? Duration.ofMillis(25) : consumeLinger;
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
    }
}
