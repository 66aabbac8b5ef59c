package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
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

/** A version 1 AgencyRegistered (the JSON fixture is what v1 producers wrote) reads as version 2. */
class AgencyRegistered1to2UpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final AgencyRegistered EXPECTED = new AgencyRegistered(
            UUID.fromString("6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11"), "Hervannan neuvola",
            OrganizerType.WELLBEING_COUNTY, "Pirkanmaan hyvinvointialue", "Tampere", List.of("Tampere"),
            "coordinator-1", Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void aVersion1EventGetsItsHomeMunicipalityAsTheOnlyServedOne() throws IOException {
        ObjectNode upcast = new AgencyRegistered1to2Upcaster().upcast((ObjectNode) JSON.readTree(fixture()));

        assertThat(JSON.treeToValue(upcast, AgencyRegistered.class)).isEqualTo(EXPECTED);
    }

    @Test
    void aVersion1RecordOnTheTopicReadsAsTheCurrentEvent() throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "fi.perhekeskus.referral.AgencyRegistered.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", "2026-03-02T08:00:00Z".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", EXPECTED.agencyId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_sequence", "0".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("perhekeskus.referral.events.v1", 0, 0L,
                0L, TimestampType.CREATE_TIME, 0, 0, EXPECTED.agencyId().toString(), fixture(), headers, Optional.empty());

        Optional<EventMessage<?>> read = new CloudEventsMessageConverter(JSON, "/test").readKafkaMessage(record);

        assertThat(read).isPresent();
        assertThat(read.get().getPayload()).isEqualTo(EXPECTED);
        assertThat(read.get().getIdentifier()).isEqualTo("e-1");
    }

    @Test
    void aCurrentEventIsLeftAsItIs() {
        ObjectNode current = JSON.valueToTree(new AgencyRegistered(UUID.randomUUID(), "X", OrganizerType.NGO, "X ry",
                "Nokia", List.of("Nokia", "Tampere"), "c", Instant.EPOCH));

        assertThat(new AgencyRegistered1to2Upcaster().upcast(current).get("servedMunicipalities"))
                .hasSize(2);
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = AgencyRegistered1to2UpcasterTest.class.getResourceAsStream("/upcasting/AgencyRegistered.v1.json")) {
            return in.readAllBytes();
        }
    }
}
