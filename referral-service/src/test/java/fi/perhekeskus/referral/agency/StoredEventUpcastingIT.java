package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.referral.ReferralServiceIT;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AgencyRegistered stored by version 1 of the contract (before agencies listed the
 * municipalities they serve) loads from the event store as version 2.
 */
@ReferralServiceIT
class StoredEventUpcastingIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void aVersion1StoredEventLoadsAsTheCurrentVersion() throws IOException {
        String json = new ClassPathResource("upcasting/AgencyRegistered.v1.json").getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8);
        UUID agency = UUID.randomUUID();
        json = json.replace("6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11", agency.toString());
        jdbc.update("""
                INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                    metadata, payload, payloadrevision, payloadtype, timestamp)
                VALUES (nextval('domainevententry_globalindex_seq'), ?, 0, 'Agency', ?, ?, ?, '1', ?, ?)""",
                agency.toString(), UUID.randomUUID().toString(), "{}".getBytes(), json.getBytes(),
                AgencyRegistered.class.getName(), "2026-03-02T08:00:00Z");

        List<Object> payloads = eventStore.readEvents(agency.toString()).asStream()
                .map(e -> (Object) e.getPayload()).toList();

        assertThat(payloads).containsExactly(new AgencyRegistered(agency, "Hervannan neuvola",
                OrganizerType.WELLBEING_COUNTY, "Pirkanmaan hyvinvointialue", "Tampere", List.of("Tampere"),
                "coordinator-1", Instant.parse("2026-03-02T08:00:00Z")));
    }
}
