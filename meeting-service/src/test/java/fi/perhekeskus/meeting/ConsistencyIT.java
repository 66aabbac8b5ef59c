package fi.perhekeskus.meeting;

import fi.perhekeskus.infra.testing.Concurrently;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Idempotency keys under concurrency on meeting-service's creating POSTs, and reads that show the
 * caller's own writes at once.
 */
@MeetingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsistencyIT {

    private static final int CONCURRENT = 8;
    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();

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

    MeetingApi api;
    ReferralTopic topic;

    @BeforeAll
    void setUp() {
        api = new MeetingApi(http, jdbc, security);
        topic = new ReferralTopic(objectMapper, parties, parties);
        topic.agencies(CLINIC, NGO);
    }

    @AfterAll
    void tearDown() {
        topic.close();
    }

    @Test
    void concurrentRequestsWithOneKeyScheduleOneProgrammeAndEnrolOnce() throws Exception {
        Map<String, Object> body = programmeBody();
        String key = "plan-" + UUID.randomUUID();
        long before = programmesScheduled();

        List<ResponseEntity<Map>> answers = Concurrently.all(CONCURRENT, () -> api.call(POST, "/api/v1/programmes", api.coordinator(), body,
                Map.of("Idempotency-Key", key)));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as("%s", a.getBody()).isEqualTo(201));
        assertThat(answers).extracting(a -> a.getBody()).containsOnly(answers.get(0).getBody());
        assertThat(programmesScheduled()).isEqualTo(before + 1);
        String programme = (String) answers.get(0).getBody().get("id");

        UUID family = topic.family(CLINIC);
        topic.consent(family, LocalDate.now(ZoneOffset.UTC).plusYears(1), CLINIC);
        String enrolKey = "enrol-" + UUID.randomUUID();
        Map<String, Object> enrolment = Map.of("familyId", family, "source", "SELF");
        List<ResponseEntity<Map>> enrolled = Concurrently.all(CONCURRENT, () -> api.call(POST, "/api/v1/programmes/" + programme + "/enrolments",
                api.worker(CLINIC), enrolment, Map.of("Idempotency-Key", enrolKey)));
        assertThat(enrolled).allSatisfy(a -> assertThat(a.getStatusCode().value()).as("%s", a.getBody()).isEqualTo(201));
        assertThat(enrolled).extracting(a -> a.getBody().get("status")).containsOnly("ENROLLED");

        // Read right after the write, without waiting: the caller sees its enrolment.
        Map<String, Object> read = api.expect(200, GET, "/api/v1/programmes/" + programme, api.worker(CLINIC), null);
        assertThat((List<Map<String, Object>>) read.get("enrolled")).extracting(e -> e.get("familyId"))
                .containsExactly(family.toString());

        ResponseEntity<Map> otherBody = api.call(POST, "/api/v1/programmes", api.coordinator(),
                Map.of("name", "Toinen"), Map.of("Idempotency-Key", key));
        assertThat(otherBody.getStatusCode().value()).isIn(400, 422);
        Map<String, Object> changed = programmeBody();
        changed.put("name", "Toinen ryhmä");
        assertThat(api.call(POST, "/api/v1/programmes", api.coordinator(), changed, Map.of("Idempotency-Key", key))
                .getStatusCode().value()).isEqualTo(422);
        assertThat(programmesScheduled()).isEqualTo(before + 1);
    }

    @Test
    void concurrentVisitRecordsWithOneKeyAreOneRecordAndAReplayShowsItsCorrection() throws Exception {
        UUID place = api.created("/api/v1/open-places", api.coordinator(), Map.of("name", "Perhekahvila",
                "agencyId", CLINIC, "municipality", "Tampere", "address", "Hervannan valtaväylä 11",
                "openingHours", "ti 9-12"));
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> visits = Map.of("date", date, "families", 4, "adults", 5, "children", 6);
        String key = "visits-" + UUID.randomUUID();
        long before = api.storedEvents();

        List<ResponseEntity<Map>> answers = Concurrently.all(CONCURRENT, () -> api.call(POST, "/api/v1/open-places/" + place + "/visits",
                api.worker(CLINIC), visits, Map.of("Idempotency-Key", key)));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as("%s", a.getBody()).isEqualTo(201));
        assertThat(answers).extracting(a -> a.getBody().get("families")).containsOnly(4);
        assertThat(api.storedEvents()).isEqualTo(before + 1);
        api.expect(200, org.springframework.http.HttpMethod.PUT, "/api/v1/open-places/" + place + "/visits",
                api.worker(CLINIC), Map.of("date", date, "families", 3, "adults", 5, "children", 6));
        ResponseEntity<Map> replay = api.call(POST, "/api/v1/open-places/" + place + "/visits", api.worker(CLINIC),
                visits, Map.of("Idempotency-Key", key));
        assertThat(replay.getStatusCode().value()).isEqualTo(201);
        assertThat(replay.getBody()).containsEntry("families", 3);
        assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aProgrammeIsReadableRightAfterItIsScheduled() {
        for (int i = 0; i < 20; i++) {
            Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(), programmeBody());
            api.expect(200, GET, "/api/v1/programmes/" + scheduled.get("id"), api.coordinator(), null);
        }
    }

    private long programmesScheduled() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ProgrammeScheduled'",
                Long.class);
    }

    private static Map<String, Object> programmeBody() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> session = Map.of("startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", "Vauvan uni",
                "facilitatorAgencyIds", List.of(CLINIC));
        return new java.util.HashMap<>(Map.of("name", "Meidän vauva", "serviceId", UUID.randomUUID(),
                "agencyIds", List.of(CLINIC, NGO), "location", "Hervannan perhekeskus", "capacityFamilies", 10,
                "plannedFamilies", 10, "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", List.of(session)));
    }
}
