package fi.perhekeskus.referral.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.kafka.CloudEvents;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes on the meeting topic what meeting-service publishes there (as CloudEvents records),
 * for tests of what referral-service learns from it. Publishing a record twice (same event id)
 * is what a redelivery looks like.
 */
public class MeetingRecords implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    private final Map<UUID, Long> sequences = new ConcurrentHashMap<>();

    /** Publishes the event with a new event id; answers the id. */
    public String publish(UUID aggregate, Object event) {
        String id = UUID.randomUUID().toString();
        publish(id, aggregate, event);
        return id;
    }

    public void publish(String eventId, UUID aggregate, Object event) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        Headers headers = new RecordHeaders();
        header(headers, CloudEvents.SPEC_VERSION, "1.0");
        header(headers, CloudEvents.ID, eventId);
        header(headers, CloudEvents.TYPE, EventCatalog.typeOf(event.getClass()));
        header(headers, CloudEvents.SOURCE, "/perhekeskus/meeting-service");
        header(headers, CloudEvents.TIME, java.time.Instant.now().toString());
        header(headers, CloudEvents.SUBJECT, aggregate.toString());
        header(headers, CloudEvents.SEQUENCE, Long.toString(sequence));
        header(headers, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        try {
            producer.send(new ProducerRecord<>(Topics.MEETING_EVENTS, null, aggregate.toString(),
                    json.writeValueAsBytes(event), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event.getClass().getSimpleName(), e);
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
