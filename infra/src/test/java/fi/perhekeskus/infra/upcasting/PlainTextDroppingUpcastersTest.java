package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 1 events that carried free text in plain text (the JSON fixtures are what v1 producers
 * wrote) read as version 2 from the event store and from the topic, with the text dropped: it
 * cannot be sealed without the key, and it must not travel on readable.
 */
class PlainTextDroppingUpcastersTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final UUID FAMILY = UUID.fromString("0b9a3f5e-7c2d-4e1a-9f61-3d2c1b0a9e87");
    private static final UUID CLINIC = UUID.fromString("6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11");
    private static final UUID COUNSELLING = UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
    private static final UUID REFERRAL = UUID.fromString("8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a");
    private static final UUID SERVICE = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final UUID PROGRAMME = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f");
    private static final UUID SESSION = UUID.fromString("4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a");

    record Case(Class<?> event, String aggregateId, String plainText, Object expected) {
        @Override
        public String toString() {
            return event.getSimpleName();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(ConsentGiven.class, FAMILY.toString(), "äiti Aino", new ConsentGiven(FAMILY,
                        UUID.fromString("5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), List.of(CLINIC), Sealed.DROPPED,
                        new Sealed("v1.c2VhbGVkLWdpdmVuLWJ5LXZhbHVlLWZvci10ZXN0aW5n"), LocalDate.parse("2027-03-02"),
                        CLINIC, "nurse-1", Instant.parse("2026-03-02T08:00:00Z"))),
                new Case(ReferralMade.class, REFERRAL.toString(), "Lastensuojelulaki", new ReferralMade(REFERRAL, FAMILY,
                        SERVICE, CLINIC, COUNSELLING, "Tampere", NeedLevel.RED, Priority.URGENT,
                        new Sealed("v1.c2VhbGVkLXJlYXNvbi12YWx1ZS1mb3ItdGVzdGluZw"), null, Sealed.DROPPED, null, null,
                        "nurse-1", Instant.parse("2026-03-02T08:00:00Z"))),
                new Case(ReferralAccepted.class, REFERRAL.toString(), "Maija", new ReferralAccepted(REFERRAL, FAMILY,
                        SERVICE, COUNSELLING, Sealed.DROPPED, LocalDate.parse("2026-03-05"), "counsellor-1",
                        Instant.parse("2026-03-02T09:00:00Z"))),
                new Case(GroupSessionCancelled.class, PROGRAMME.toString(), "Liisa", new GroupSessionCancelled(PROGRAMME,
                        SESSION, SessionChangeReason.OTHER, Sealed.DROPPED, "coordinator-1",
                        Instant.parse("2026-03-02T10:00:00Z"))),
                new Case(GroupSessionRescheduled.class, PROGRAMME.toString(), "Pekka", new GroupSessionRescheduled(
                        PROGRAMME, SESSION, Instant.parse("2026-03-10T15:00:00Z"), Instant.parse("2026-03-10T17:00:00Z"),
                        SessionChangeReason.OTHER, Sealed.DROPPED, "coordinator-1",
                        Instant.parse("2026-03-02T10:00:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aVersion1EventReadsAsVersion2WithoutItsPlainText(Case c) throws IOException {
        ObjectNode upcast = ContractUpcasters.upcast(EventCatalog.nameOf(c.event()), 1, 2,
                (ObjectNode) JSON.readTree(fixture(c.event())));

        assertThat(JSON.treeToValue(upcast, c.event())).isEqualTo(c.expected());
        assertThat(upcast.toString()).doesNotContain(c.plainText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aVersion1StoredEventLoadsAsVersion2(Case c) throws IOException {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Aggregate", c.aggregateId(), 0,
                "e-1", Instant.parse("2026-03-02T08:00:00Z"), c.event().getName(), "1", fixture(c.event()),
                "{}".getBytes(StandardCharsets.UTF_8));
        EventUpcasterChain chain = new UpcastingAutoConfiguration().contractUpcasterChain();

        List<IntermediateEventRepresentation> loaded = chain.upcast(
                Stream.of(new InitialEventRepresentation(stored, serializer))).toList();

        assertThat(loaded).hasSize(1);
        // Through every later step too (ReferralMade v2 → v3).
        assertThat(loaded.get(0).getType().getRevision()).isEqualTo(String.valueOf(EventCatalog.versionOf(c.event())));
        assertThat((Object) serializer.deserialize(loaded.get(0).getData())).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aVersion1RecordOnTheTopicReadsAsVersion2(Case c) throws IOException {
        String v1 = EventCatalog.typeOf(c.event()).replaceAll("\\.v\\d+$", ".v1");
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", v1.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", "2026-03-02T08:00:00Z".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 0, 0L, 0L, TimestampType.CREATE_TIME,
                0, 0, c.aggregateId(), fixture(c.event()), headers, Optional.empty());

        Optional<EventMessage<?>> read = new CloudEventsMessageConverter(JSON, "/test").readKafkaMessage(record);

        assertThat(read).isPresent();
        assertThat(read.get().getPayload()).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCurrentEventIsLeftAsItIs(Case c) {
        ObjectNode current = JSON.valueToTree(c.expected());
        // A value sealed by a current producer is kept, not mistaken for old plain text.
        String sealed = "v1." + "A".repeat(40);
        List.of("purpose", "legalBasis", "responsibleWorker", "note").forEach(f -> {
            if (current.has(f)) {
                current.put(f, sealed);
            }
        });

        assertThat(ContractUpcasters.all().stream()
                .filter(u -> u.eventName().equals(EventCatalog.nameOf(c.event()))).findFirst().orElseThrow()
                .upcast(current)).isEqualTo(current);
    }

    private static byte[] fixture(Class<?> event) throws IOException {
        try (InputStream in = PlainTextDroppingUpcastersTest.class.getResourceAsStream(
                "/upcasting/" + event.getSimpleName() + ".v1.json")) {
            return in.readAllBytes();
        }
    }
}
