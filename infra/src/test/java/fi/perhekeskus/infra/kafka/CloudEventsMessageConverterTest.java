package fi.perhekeskus.infra.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.UnreadableEvent;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralMade;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A consuming processor's converter parses only the event types its handlers take. */
class CloudEventsMessageConverterTest {

    static class AcceptanceHandler {
        @EventHandler
        void on(ReferralAccepted accepted) {
        }
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final CloudEventsMessageConverter writer = new CloudEventsMessageConverter(json, "/test");
    private final CloudEventsMessageConverter reader = new CloudEventsMessageConverter(json, "/test",
            HandledTypes.of(AcceptanceHandler.class));
    private final UUID referral = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aHandledTypeIsReadAndOthersPassUnparsed() {
        assertThat(read(accepted(), null)).isEqualTo(new ReferralAccepted(referral, referral, referral, referral,
                null, null, "nurse", at));
        assertThat(read(made(), null)).isEqualTo(new NotReadHere(EventCatalog.typeOf(ReferralMade.class)));
    }

    @Test
    void aPoisonRecordIsUnreadableOnlyWhereItsTypeIsHandled() {
        assertThat(read(accepted(), "{broken")).isInstanceOf(UnreadableEvent.class);
        assertThat(read(made(), "{broken")).isInstanceOf(NotReadHere.class);
    }

    @Test
    void aRecordWithTextNoStoreCanHoldIsUnreadableSoItIsParkedNotRetried() {
        String nul = new String(writer.createKafkaMessage(new GenericDomainEventMessage<>("Referral", referral.toString(),
                0, accepted()), "t").value(), StandardCharsets.UTF_8).replace("\"nurse\"", "\"nur\\u0000se\"");
        assertThat(nul).contains("\\u0000");
        assertThat(read(accepted(), nul)).isInstanceOf(UnreadableEvent.class);
        assertThat(read(accepted(), nul.replace("\\u0000", "\\ud800"))).isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void aConverterForEveryTypeReadsThemAll() {
        assertThat(writer.readKafkaMessage(consumed(made(), null)).orElseThrow().getPayload()).isInstanceOf(ReferralMade.class);
    }

    private Object read(Object event, String value) {
        Optional<org.axonframework.eventhandling.EventMessage<?>> message = reader.readKafkaMessage(consumed(event, value));
        return message.orElseThrow().getPayload();
    }

    private ConsumerRecord<String, byte[]> consumed(Object event, String value) {
        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(
                new GenericDomainEventMessage<>("Referral", referral.toString(), 0, event), "t");
        byte[] bytes = value == null ? record.value() : value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>("t", 0, 0, 0L, TimestampType.CREATE_TIME, 0, bytes.length, record.key(), bytes,
                record.headers(), Optional.empty());
    }

    private ReferralAccepted accepted() {
        return new ReferralAccepted(referral, referral, referral, referral, null, null, "nurse", at);
    }

    private ReferralMade made() {
        return new ReferralMade(referral, referral, referral, referral, referral, "Tampere", NeedLevel.YELLOW,
                Priority.ROUTINE, new Sealed("v1.eA"), referral, null, null, null, "nurse", at);
    }
}
