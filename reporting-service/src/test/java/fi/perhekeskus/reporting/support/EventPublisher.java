package fi.perhekeskus.reporting.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes public events as the producing services do (CloudEvents, key = aggregate id, sequence
 * per aggregate), so reporting can be tested against exact event streams, duplicates included.
 */
public class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventsMessageConverter converter;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    public EventPublisher(ObjectMapper objectMapper) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        this.converter = new CloudEventsMessageConverter(objectMapper, "/test");
    }

    /** Publishes the next event of the aggregate and returns its record (to publish again as a duplicate). */
    public ProducerRecord<String, byte[]> publish(UUID aggregateId, Object event, Instant at) {
        long sequence = sequences.merge(aggregateId.toString(), 1L, Long::sum) - 1;
        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(new GenericDomainEventMessage<>(
                event.getClass().getSimpleName(), aggregateId.toString(), sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at), EventCatalog.topicOf(event.getClass()));
        send(record);
        return record;
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
            sent.add(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int sentCount() {
        return sent.size();
    }

    @Override
    public void close() {
        producer.close();
    }
}
