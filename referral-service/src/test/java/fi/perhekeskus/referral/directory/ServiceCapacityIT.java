package fi.perhekeskus.referral.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.contract.gathering.OpenPlaceRegistered;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.MeetingTopic;
import fi.perhekeskus.referral.support.TopicWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.coordinator;
import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Capacity in the directory on the real infrastructure: set by hand by the service's own worker or a
 * coordinator, refused to others and for bad values (changing nothing), filtered on, published on the
 * referral topic; and for a GROUP service kept by the platform from meeting-service's events on the
 * meeting topic, the same after a redelivery.
 */
@ReferralServiceIT
class ServiceCapacityIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProgrammeOfferIndex offers;

    private final String tag = "captag" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theServicesOwnWorkerOrACoordinatorSetsItAndNobodyElse() {
        Api api = new Api(http);
        UUID agency = api.agency("Hervannan perheneuvola " + tag, "Tampere");
        UUID other = api.agency("Nokian neuvola " + tag, "Nokia");
        UUID service = api.service(agency, "Perheneuvonta " + tag, "INDIVIDUAL");
        String path = "/api/v1/services/" + service + "/capacity";

        // A new service starts OPEN, stamped with its listing.
        Map<String, Object> listed = only(api.list("/api/v1/services?q=" + tag, coordinator()));
        assertThat(capacity(listed)).containsEntry("status", "OPEN").containsKey("updatedAt");

        try (TopicWatch watch = new TopicWatch(Topics.REFERRAL_EVENTS)) {
            Map<String, Object> answer = api.ok(HttpMethod.PUT, path, worker(agency),
                    Map.of("status", "WAITLIST", "waitWeeks", 6));
            assertThat(answer).containsEntry("id", service.toString());
            assertThat(capacity(answer)).containsEntry("status", "WAITLIST").containsEntry("waitWeeks", 6);

            // Refused: another agency's worker (403), no token (401), and bad values, each a problem.
            assertStatus(api.call(HttpMethod.PUT, path, worker(other), Map.of("status", "CLOSED")), 403);
            assertStatus(api.call(HttpMethod.PUT, path, null, Map.of("status", "CLOSED")), 401);
            assertStatus(api.call(HttpMethod.PUT, path, worker(agency), Map.of("status", "FULL")), 400);
            assertStatus(api.call(HttpMethod.PUT, path, worker(agency), Map.of()), 400);
            assertStatus(api.call(HttpMethod.PUT, path, worker(agency), Map.of("status", "WAITLIST", "waitWeeks", 105)), 400);
            assertStatus(api.call(HttpMethod.PUT, path, worker(agency), Map.of("status", "WAITLIST", "waitWeeks", -1)), 400);
            assertStatus(api.call(HttpMethod.PUT, path, worker(agency), Map.of("status", "OPEN", "waitWeeks", 2)), 422);
            assertStatus(api.call(HttpMethod.PUT, "/api/v1/services/" + UUID.randomUUID() + "/capacity",
                    coordinator(), Map.of("status", "OPEN")), 404);
            assertThat(capacity(only(api.list("/api/v1/services?q=" + tag, coordinator()))))
                    .containsEntry("status", "WAITLIST").containsEntry("waitWeeks", 6);

            // A coordinator of no agency sets it too; the same again records nothing.
            api.ok(HttpMethod.PUT, path, coordinator(), Map.of("status", "ASSESSMENT_REQUIRED"));
            api.ok(HttpMethod.PUT, path, coordinator(), Map.of("status", "ASSESSMENT_REQUIRED"));

            // Published on the referral topic (the listing may come along, by when the outbox caught up).
            String changed = "fi.perhekeskus.referral.ServiceCapacityChanged.v1";
            await().atMost(Duration.ofSeconds(30)).until(() -> types(watch.awaitRecords(service.toString(), 1,
                    Duration.ofSeconds(30))).stream().filter(changed::equals).count() >= 2);
            assertThat(types(watch.awaitRecords(service.toString(), 1, Duration.ofSeconds(1))))
                    .filteredOn(changed::equals).hasSize(2);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%ServiceCapacityChanged'", Integer.class, service.toString())).isEqualTo(2);

        // The directory filters by capacity; an unknown value is a 400.
        assertThat(api.list("/api/v1/services?capacity=ASSESSMENT_REQUIRED&q=" + tag, coordinator())).hasSize(1);
        assertThat(api.list("/api/v1/services?capacity=OPEN&q=" + tag, coordinator())).isEmpty();
        assertStatus(api.call(HttpMethod.GET, "/api/v1/services?capacity=SOMETIMES", coordinator(), null), 400);
    }

    @Test
    void aGroupServicesCapacityIsKeptByThePlatformFromItsProgrammes() {
        Api api = new Api(http);
        UUID agency = api.agency("Tesoman perhekeskus " + tag, "Tampere");
        UUID group = api.service(agency, "Meidän vauva " + tag, "GROUP");
        String path = "/api/v1/services/" + group + "/capacity";

        ResponseEntity<Map> manual = api.call(HttpMethod.PUT, path, worker(agency), Map.of("status", "OPEN"));
        assertStatus(manual, 409);
        assertThat((String) manual.getBody().get("detail")).contains("ylläpitää alusta");
        assertThat(capacityOf(api)).containsEntry("status", "CLOSED");

        UUID programme = UUID.randomUUID();
        Instant start = Instant.now().plus(14, ChronoUnit.DAYS);
        ProgrammeScheduled scheduled = new ProgrammeScheduled(programme, "Meidän vauva, kevät", group, List.of(agency),
                "Tesoman perhekeskus", 2, 2, 0, 6, List.of(new ProgrammeScheduled.Session(UUID.randomUUID(), start,
                start.plus(2, ChronoUnit.HOURS), "Tervetuloa", List.of(agency))), "w1", Instant.now());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        FamilyEnrolled enrolFirst = new FamilyEnrolled(programme, first, EnrolmentSource.SELF, null, false, "w1", Instant.now());
        try (MeetingTopic meeting = new MeetingTopic(objectMapper)) {
            meeting.publish(programme, scheduled, Instant.now());
            awaitStatus(api, "OPEN");

            meeting.publish(programme, enrolFirst, Instant.now());
            meeting.publish(programme, new FamilyEnrolled(programme, second, EnrolmentSource.SELF, null, false, "w1",
                    Instant.now()), Instant.now());
            meeting.publish(programme, new FamilyWaitlisted(programme, third, EnrolmentSource.SELF, null, 1, "w1",
                    Instant.now()), Instant.now());
            awaitStatus(api, "WAITLIST");

            // A redelivered enrolment counts once: one place freed opens it again, and stays open.
            meeting.publish(programme, new EnrolmentCancelled(programme, second, false, "w1", Instant.now()), Instant.now());
            meeting.publish(programme, enrolFirst, Instant.now());
            awaitStatus(api, "OPEN");
            meeting.publish(programme, new OpenPlaceRegistered(UUID.randomUUID(), agency, "Perhekahvila " + tag,
                    "Tampere", "Tesomankatu 1", "ti 9-12", "c", Instant.now()), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM offer_open_places WHERE name = ?", Integer.class, "Perhekahvila " + tag) == 1);
            assertThat(capacityOf(api)).containsEntry("status", "OPEN");
        }
        // Closed (no programme) → open → waitlist → open: three changes, none for the redelivery.
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%ServiceCapacityChanged' ORDER BY globalindex", String.class, group.toString())).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM offer_places WHERE programme_id = ?", Integer.class,
                programme)).isEqualTo(2);
    }

    @Test
    void aProgrammeThatHasBegunIsNoLongerUpcoming() {
        Api api = new Api(http);
        UUID agency = api.agency("Lentävänniemen perhekeskus " + tag, "Tampere");
        UUID group = api.service(agency, "Isä-lapsi-ryhmä " + tag, "GROUP");
        UUID programme = UUID.randomUUID();
        Instant start = Instant.now().plusSeconds(5);
        try (MeetingTopic meeting = new MeetingTopic(objectMapper)) {
            meeting.publish(programme, new ProgrammeScheduled(programme, "Isä-lapsi, syksy", group, List.of(agency),
                    "Lentävänniemi", 10, 10, 0, 36, List.of(new ProgrammeScheduled.Session(UUID.randomUUID(), start,
                    start.plus(2, ChronoUnit.HOURS), "Alku", List.of(agency))), "w1", Instant.now()), Instant.now());
            awaitStatus(api, "OPEN");
        }
        // No event says the first session began: the periodic check (GroupCapacityClock) finds it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            offers.keepEveryCapacity();
            assertThat(capacityOf(api)).containsEntry("status", "CLOSED");
        });
        offers.keepEveryCapacity();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%ServiceCapacityChanged'", Integer.class, group.toString())).isEqualTo(2);
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .toList();
    }

    private void awaitStatus(Api api, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(capacityOf(api)).containsEntry("status", status));
    }

    private Map<String, Object> capacityOf(Api api) {
        return capacity(only(api.list("/api/v1/services?kind=GROUP&q=" + tag, coordinator())));
    }

    private static Map<String, Object> only(List<Map<String, Object>> services) {
        assertThat(services).hasSize(1);
        return services.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> capacity(Map<String, Object> service) {
        return new HashMap<>((Map<String, Object>) service.get("capacity"));
    }

    private static void assertStatus(ResponseEntity<Map> response, int status) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
