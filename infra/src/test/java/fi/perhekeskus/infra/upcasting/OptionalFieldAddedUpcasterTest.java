package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.family.FamilyMemberAdded;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.family.MemberRole;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Families registered and members added before children's birth months were published read with none. */
class OptionalFieldAddedUpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final UUID FAMILY = UUID.fromString("4a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final UUID CLINIC = UUID.fromString("5b2c3d4e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");

    @Test
    void aVersion1FamilyReadsAsVersion2WithNoBirthMonths() throws IOException {
        FamilyRegistered expected = new FamilyRegistered(FAMILY, CLINIC, "Tampere", List.of("fi"), List.of(
                new FamilyRegistered.Member(UUID.fromString("6c3d4e5f-7a8b-4c9d-8e1f-2a3b4c5d6e7f"), MemberRole.PARENT,
                        Sealed.of("v1.c2VhbGVkLXBhcmVudA")),
                new FamilyRegistered.Member(UUID.fromString("7d4e5f6a-8b9c-4d0e-9f2a-3b4c5d6e7f80"), MemberRole.CHILD,
                        Sealed.of("v1.c2VhbGVkLWNoaWxk"))),
                "nurse-1", Instant.parse("2026-03-02T08:15:00Z"));

        Object read = read("fi.perhekeskus.referral.FamilyRegistered.v1", "FamilyRegistered.v1.json");

        assertThat(read).isEqualTo(expected);
        assertThat(((FamilyRegistered) read).members()).allSatisfy(m -> assertThat(m.birthMonth()).isNull());
    }

    @Test
    void aVersion1MemberReadsAsVersion2WithNoBirthMonth() throws IOException {
        FamilyMemberAdded expected = new FamilyMemberAdded(FAMILY, UUID.fromString("8e5f6a7b-9c0d-4e1f-8a3b-4c5d6e7f8091"),
                MemberRole.CHILD, Sealed.of("v1.c2VhbGVkLWJhYnk"), CLINIC, "nurse-1", Instant.parse("2026-05-20T10:00:00Z"));

        Object read = read("fi.perhekeskus.referral.FamilyMemberAdded.v1", "FamilyMemberAdded.v1.json");

        assertThat(read).isEqualTo(expected);
        assertThat(((FamilyMemberAdded) read).birthMonth()).isNull();
    }

    private static Object read(String type, String fixture) throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", "2026-03-02T08:15:00Z".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", FAMILY.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_sequence", "0".getBytes(StandardCharsets.UTF_8));
        byte[] value;
        try (InputStream in = OptionalFieldAddedUpcasterTest.class.getResourceAsStream("/upcasting/" + fixture)) {
            value = in.readAllBytes();
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("perhekeskus.referral.events.v1", 0, 0L, 0L,
                TimestampType.CREATE_TIME, 0, 0, FAMILY.toString(), value, headers, Optional.empty());
        Optional<EventMessage<?>> message = new CloudEventsMessageConverter(JSON, "/test").readKafkaMessage(record);
        assertThat(message).isPresent();
        return message.get().getPayload();
    }
}
