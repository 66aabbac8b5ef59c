package fi.perhekeskus.infra.kafka;

import fi.perhekeskus.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the public topics when they are missing, so that a fresh local broker just works. */
public final class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    /** A record batch's own header, on top of its records: the broker counts it, the producer's check does not. */
    private static final int BATCH_OVERHEAD = 1024;

    private TopicCreator() {
    }

    /** @param maxRecordBytes the topic's {@code max.message.bytes}: at least what the producer may send */
    public static void ensureTopics(String bootstrapServers, int partitions, int maxRecordBytes) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.MEETING_EVENTS)) {
                if (existing.contains(topic)) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("min.insync.replicas", "1", "retention.ms", "-1",
                                    "max.message.bytes", Integer.toString(maxRecordBytes + BATCH_OVERHEAD)))))
                            .all().get(30, TimeUnit.SECONDS);
                    log.info("Created topic {} with {} partitions", topic, partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the public topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
