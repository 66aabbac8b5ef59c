package fi.perhekeskus.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.UnreadableEvent;
import fi.perhekeskus.infra.serialization.StorableText;
import fi.perhekeskus.infra.upcasting.ContractUpcasters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Public events as CloudEvents 1.0 in Kafka binary mode: the value is the event's JSON, the
 * attributes are {@code ce_*} headers, the key is the aggregate id. Only catalogued public events
 * are written; reading maps the type back to the contract record, so consumers never see Axon's
 * serialization format.
 */
public class CloudEventsMessageConverter implements KafkaMessageConverter<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(CloudEventsMessageConverter.class);

    private final ObjectMapper objectMapper;
    /** Reads payloads: text no store can hold makes a record unreadable, so it is parked, not retried forever. */
    private final ObjectMapper payloads;
    private final String source;
    private final Predicate<Class<?>> reads;

    public CloudEventsMessageConverter(ObjectMapper objectMapper, String source) {
        this(objectMapper, source, type -> true);
    }

    /** @param reads the event types whose JSON is parsed; others arrive as {@link NotReadHere} */
    public CloudEventsMessageConverter(ObjectMapper objectMapper, String source, Predicate<Class<?>> reads) {
        this.objectMapper = objectMapper;
        this.payloads = StorableText.reader(objectMapper);
        this.source = source;
        this.reads = reads;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
        Class<?> type = event.getPayloadType();
        Headers headers = new RecordHeaders();
        add(headers, CloudEvents.SPEC_VERSION, "1.0");
        add(headers, CloudEvents.ID, event.getIdentifier());
        add(headers, CloudEvents.TYPE, EventCatalog.typeOf(type));
        add(headers, CloudEvents.SOURCE, source);
        add(headers, CloudEvents.TIME, event.getTimestamp().toString());
        add(headers, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        String key = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            key = domainEvent.getAggregateIdentifier();
            add(headers, CloudEvents.SUBJECT, key);
            add(headers, CloudEvents.SEQUENCE, Long.toString(domainEvent.getSequenceNumber()));
        }
        return new ProducerRecord<>(topic, null, null, key, json(event.getPayload()), headers);
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        String type = header(record.headers(), CloudEvents.TYPE);
        String id = header(record.headers(), CloudEvents.ID);
        if (type == null || id == null) {
            log.warn("Skipping a record without CloudEvents headers at {}-{}@{}",
                    record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        Optional<Class<?>> payloadType = EventCatalog.classOf(type);
        Optional<Class<?>> current = payloadType.isPresent() ? payloadType : ContractUpcasters.currentClassOf(type);
        Object payload;
        if (current.isPresent() && !reads.test(current.get())) {
            // Nothing here handles it: it passes unparsed (a poison record of this type included).
            payload = new NotReadHere(type);
        } else if (current.isEmpty()) {
            // A newer producer may publish types this consumer does not know yet: skip, don't fail.
            log.debug("Skipping unknown event type {}", type);
            return Optional.empty();
        } else {
            try {
                payload = payloadType.isPresent() ? read(record.value(), payloadType.get())
                        : readOlder(record.value(), type, current.get());
            } catch (UncheckedIOException e) {
                // A poison record must not stop the stream: consumers park it in their dead-letter queue.
                log.warn("Unreadable {} {} at {}-{}@{}", type, id, record.topic(), record.partition(), record.offset());
                payload = new UnreadableEvent(type, id, e.getCause().getClass().getSimpleName());
            }
        }
        String time = header(record.headers(), CloudEvents.TIME);
        Instant timestamp = time != null ? Instant.parse(time) : Instant.ofEpochMilli(record.timestamp());
        String subject = header(record.headers(), CloudEvents.SUBJECT);
        String sequence = header(record.headers(), CloudEvents.SEQUENCE);
        if (subject != null && sequence != null) {
            return Optional.of(new GenericDomainEventMessage<>(null, subject, Long.parseLong(sequence),
                    payload, MetaData.emptyInstance(), id, timestamp));
        }
        return Optional.of(new GenericEventMessage<>(id, payload, MetaData.emptyInstance(), timestamp));
    }

    private byte[] json(Object payload) {
        try {
            return objectMapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName(), e);
        }
    }

    private Object read(byte[] value, Class<?> type) {
        try {
            return payloads.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName(), e);
        }
    }

    /** An older version still on the topic reads as the current record, through the upcasters. */
    private Object readOlder(byte[] value, String type, Class<?> current) {
        try {
            ObjectNode json = (ObjectNode) payloads.readTree(value);
            ObjectNode upcast = ContractUpcasters.upcast(EventCatalog.nameOf(current), ContractUpcasters.versionOf(type),
                    EventCatalog.versionOf(current), json);
            return payloads.treeToValue(upcast, current);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type, e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
