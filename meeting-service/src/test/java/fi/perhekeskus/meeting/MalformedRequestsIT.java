package fi.perhekeskus.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.fuzz.ApiFuzzer;
import fi.perhekeskus.infra.fuzz.FuzzReport;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

/**
 * Thousands of malformed requests, generated from the OpenAPI document meeting-service serves,
 * against every operation as every role and as no one: none gets a 5xx, every error is problem+json
 * with status, title and detail, no answer names a class, and none stores an event. The seed is
 * printed; {@code -Dperhekeskus.fuzz.seed=N} repeats a run and {@code -Dperhekeskus.fuzz.requests=N} sizes it.
 */
@MeetingServiceIT
class MalformedRequestsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecuritySettings security;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    KnownParties parties;
    @LocalServerPort
    int port;

    @Test
    void malformedRequestsAreRefusedInOurWordsAndStoreNothing() throws Exception {
        // Real agencies, a family, a programme and a place, so that a broken body meets validation on them.
        UUID clinic = UUID.randomUUID();
        UUID ngo = UUID.randomUUID();
        MeetingApi api = new MeetingApi(http, jdbc, security);
        UUID family;
        try (ReferralTopic topic = new ReferralTopic(objectMapper, parties, parties)) {
            topic.agencies(clinic, ngo);
            family = topic.family(clinic);
            topic.consent(family, LocalDate.now(ZoneOffset.UTC).plusYears(1), clinic, ngo);
        }
        Map<String, Object> programme = api.expect(201, POST, "/api/v1/programmes", api.coordinator(),
                programme(List.of(clinic, ngo)));
        String programmeId = (String) programme.get("id");
        String sessionId = ((List<String>) programme.get("sessionIds")).get(0);
        UUID place = api.created("/api/v1/open-places", api.coordinator(), Map.of("name", "Perhekahvila Vilske",
                "agencyId", ngo, "municipality", "Tampere", "address", "Hervannan valtaväylä 9",
                "openingHours", "ma–to 9–12"));

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("WORKER (clinic)", api.worker(clinic));
        tokens.put("WORKER (ngo)", api.worker(ngo));
        tokens.put("COORDINATOR", api.coordinator());
        tokens.put("ANALYST", api.analyst());
        tokens.put("no token", null);
        Map<String, List<String>> known = Map.of(
                "/api/v1/programmes/#id", List.of(programmeId),
                "/api/v1/programmes/#sessionId", List.of(sessionId),
                "/api/v1/programmes/#familyId", List.of(family.toString()),
                "/api/v1/sessions/#id", List.of(sessionId),
                "/api/v1/open-places/#placeId", List.of(place.toString()));
        long seed = ApiFuzzer.seed(8_082L);
        long before = api.storedEvents();

        FuzzReport report = new ApiFuzzer(port, tokens).known(known)
                .run("meeting-service", seed, ApiFuzzer.requests(3_500));

        System.out.println(report.details());
        assertThat(report.sent()).isGreaterThanOrEqualTo(Math.min(3_400, ApiFuzzer.requests(3_500)));
        assertThat(report.faults()).as(report.details()).isEmpty();
        assertThat(report.count(5)).isZero();
        assertThat(api.storedEvents()).as("events stored by malformed requests").isEqualTo(before);
    }

    private static Map<String, Object> programme(List<UUID> agencies) {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return Map.of("name", "Meidän vauva", "serviceId", UUID.randomUUID(), "agencyIds", agencies,
                "location", "Hervannan perhekeskus", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", List.of(Map.of(
                        "startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                        "topic", "Vauvan uni", "facilitatorAgencyIds", List.of(agencies.get(0)))));
    }
}
