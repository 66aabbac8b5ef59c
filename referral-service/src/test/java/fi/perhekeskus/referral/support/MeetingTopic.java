package fi.perhekeskus.referral.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes meeting-service's public events on its topic as meeting-service does (CloudEvents with
 * the platform's converter, key = programme id, sequence per programme): what referral-service
 * learns of the enrolments its referrals led to.
 */
public class MeetingTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventsMessageConverter converter;
    private final Map<String, Long> sequences = new HashMap<>();

    public MeetingTopic(ObjectMapper objectMapper) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        converter = new CloudEventsMessageConverter(objectMapper, "/perhekeskus/meeting-service");
    }

    public void publish(UUID programmeId, Object event, Instant at) {
        publish(programmeId, event, at, UUID.randomUUID().toString());
    }

    /** With the event's id given: publishing it again is a redelivery of the same event. */
    public void publish(UUID programmeId, Object event, Instant at, String eventId) {
        long sequence = sequences.merge(programmeId.toString(), 1L, Long::sum) - 1;
        try {
            producer.send(converter.createKafkaMessage(new GenericDomainEventMessage<>("GroupProgramme",
                    programmeId.toString(), sequence, event, MetaData.emptyInstance(), eventId, at),
                    EventCatalog.topicOf(event.getClass()))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
