package fi.perhekeskus.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
import fi.perhekeskus.infra.security.SecuritySettings;
import org.junit.jupiter.api.AfterAll;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Every {id} endpoint of meeting-service, and its admin endpoints, called by each kind of caller
 * that must be refused: a foreign agency, a wrong role, no token, a forged signature, an expired
 * token, a token without {@code exp}, one without {@code sub} and one of an unregistered agency.
 * Each broken token carries the claims of the caller the endpoint would let through, so only the
 * one defect stands between it and success. Every refusal is problem+json and changes nothing
 * stored: no event, no processor position, no dead letter.
 */
@MeetingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();
    static final UUID SOCIAL = UUID.randomUUID();
    static final UUID FOREIGN = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    enum Caller {
        FOREIGN_AGENCY, WRONG_ROLE, NO_TOKEN, FORGED_SIGNATURE, EXPIRED, NO_EXPIRY, NO_SUBJECT, UNREGISTERED_AGENCY
    }

    /** The claims of a token the endpoint lets through. */
    record Party(String subject, UUID agency, List<Role> roles) {

        static Party worker(UUID agency) {
            return new Party("worker-" + agency.toString().substring(0, 8), agency, List.of(Role.WORKER));
        }

        static Party coordinator() {
            return new Party("coordinator-1", null, List.of(Role.COORDINATOR));
        }
    }

    /**
     * @param foreignAgency what a worker of a registered agency that is no party hears: 404 where it
     *                      must not learn that the object exists, 403 where the object is public
     *                      (an open place) or the endpoint is for coordinators
     */
    record Endpoint(String name, HttpMethod method, String path, Object body, Party allowed, int foreignAgency) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TokenSchema positions;
    @Autowired
    DeadLetterSchema deadLetters;
    @Autowired
    SecuritySettings security;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    KnownParties parties;

    /** Signed with the secret the running service checks: only the one defect of each broken token counts. */
    private LocalTokens tokens;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private MeetingApi api;
    private ReferralTopic topic;

    @BeforeAll
    void createOneOfEverything() {
        api = new MeetingApi(http, jdbc, security);
        tokens = new LocalTokens(security.jwtSecret());
        topic = new ReferralTopic(objectMapper, parties, parties);
        topic.agencies(CLINIC, NGO, SOCIAL, FOREIGN);

        // A programme run by the clinic and the NGO; its one session is facilitated by the clinic.
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(), Map.of(
                "name", "Meidän vauva", "serviceId", UUID.randomUUID(), "agencyIds", List.of(CLINIC, NGO),
                "location", "Hervannan perhekeskus", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", List.of(Map.of(
                        "startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                        "topic", "Vauvan uni", "facilitatorAgencyIds", List.of(CLINIC)))));
        String programme = "/api/v1/programmes/" + scheduled.get("id");
        String session = ((List<String>) scheduled.get("sessionIds")).get(0);
        UUID enrolled = topic.family(SOCIAL);
        topic.consent(enrolled, TODAY.plusYears(1), CLINIC, NGO);
        UUID notYetEnrolled = topic.family(SOCIAL);
        topic.consent(notYetEnrolled, TODAY.plusYears(1), CLINIC);
        api.expect(201, POST, programme + "/enrolments", api.worker(CLINIC), Map.of("familyId", enrolled,
                "source", "SELF"));
        UUID meeting = api.created("/api/v1/network-meetings", api.worker(CLINIC), Map.of("familyId", enrolled,
                "agencyIds", List.of(CLINIC, NGO), "heldOn", TODAY, "needsAssessed", List.of("SLEEP"),
                "agreedActions", List.of(Map.of("agencyId", CLINIC, "action", "Kotikäynti", "due",
                        TODAY.plusDays(14)))));
        UUID place = api.created("/api/v1/open-places", api.coordinator(), Map.of("name", "Perhekahvila Vilske",
                "agencyId", NGO, "municipality", "Tampere", "address", "Hervannan valtaväylä 9",
                "openingHours", "ma–to 9–12"));
        String visits = "/api/v1/open-places/" + place + "/visits";
        api.expect(201, POST, visits, api.worker(NGO), visitsOf(TODAY, 6));
        api.expect(201, POST, programme + "/invitations", api.worker(CLINIC), Map.of("familyIds",
                List.of(notYetEnrolled)));
        String invitation = (String) api.list(programme + "/invitations", api.worker(CLINIC)).get(0).get("invitationId");
        // The cells below read views; they follow the event store a moment behind.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.call(GET, "/api/v1/network-meetings/" + meeting, api.worker(CLINIC), null)
                        .getStatusCode().value() == 200
                        && api.call(GET, programme, api.worker(CLINIC), null).getBody().get("enrolled").toString()
                        .contains(enrolled.toString()));

        Party clinic = Party.worker(CLINIC);
        Party coordinator = Party.coordinator();
        String s = "/api/v1/sessions/" + session;
        Instant later = start.plus(1, ChronoUnit.DAYS);
        endpoints.addAll(List.of(
                new Endpoint("read programme", GET, programme, null, clinic, 404),
                new Endpoint("enrol", POST, programme + "/enrolments", Map.of("familyId", notYetEnrolled,
                        "source", "SELF"), clinic, 404),
                new Endpoint("cancel enrolment", DELETE, programme + "/enrolments/" + enrolled, null, clinic, 404),
                new Endpoint("reschedule session", POST, programme + "/sessions/" + session + "/reschedule",
                        Map.of("startsAt", later.toString(), "endsAt", later.plus(2, ChronoUnit.HOURS).toString(),
                                "reasonCode", "HOLIDAY"), clinic, 404),
                new Endpoint("cancel session", POST, programme + "/sessions/" + session + "/cancel",
                        Map.of("reasonCode", "HOLIDAY"), clinic, 404),
                new Endpoint("record attendance", POST, s + "/attendance", Map.of("families", List.of(Map.of(
                        "familyId", enrolled, "adults", 2, "fathers", 1, "children", 1))), clinic, 404),
                new Endpoint("correct attendance", PUT, s + "/attendance", Map.of("families", List.of(Map.of(
                        "familyId", enrolled, "adults", 2, "fathers", 1, "children", 1))), clinic, 404),
                new Endpoint("give feedback", POST, s + "/feedback", Map.of("timingSuited", "YES",
                        "contentMetNeeds", "YES", "infoMatchedChildAge", "NO", "comment", "Hyvä ilta"), clinic, 404),
                new Endpoint("read feedback comments", GET, s + "/feedback/comments", null, clinic, 404),
                new Endpoint("read network meeting", GET, "/api/v1/network-meetings/" + meeting, null, clinic, 404),
                new Endpoint("invite families", POST, programme + "/invitations", Map.of("byAge", true), clinic, 404),
                new Endpoint("read invitations", GET, programme + "/invitations", null, clinic, 404),
                new Endpoint("answer invitation", POST, "/api/v1/invitations/" + invitation + "/answer",
                        Map.of("answer", "YES"), clinic, 404),
                // Open places are public (the families' service finder lists them): a stranger learns nothing.
                new Endpoint("record visits", POST, visits, visitsOf(TODAY.minusDays(1), 3), Party.worker(NGO), 403),
                new Endpoint("correct visits", PUT, visits, visitsOf(TODAY, 7), Party.worker(NGO), 403),
                new Endpoint("list dead letters", GET, "/api/v1/admin/dead-letters", null, coordinator, 403),
                new Endpoint("retry dead letters", POST, "/api/v1/admin/dead-letters/" + ProcessingGroups.VIEWS + "/retry",
                        null, coordinator, 403),
                new Endpoint("reset processor", POST, "/api/v1/admin/processors/" + ProcessingGroups.VIEWS + "/reset",
                        null, coordinator, 403)));
    }

    @AfterAll
    void tearDown() {
        topic.close();
    }

    Iterable<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(endpoint.name(), caller, endpoint));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void everyCellIsRefusedWithAProblemAndChangesNothing(String name, Caller caller, Endpoint endpoint) {
        Stored before = stored();

        ResponseEntity<Map> response = api.call(endpoint.method(), endpoint.path(), token(caller, endpoint),
                endpoint.body());

        int expected = expected(caller, endpoint);
        assertThat(response.getStatusCode().value()).as("%s by %s: %s", name, caller, response.getBody())
                .isEqualTo(expected);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", expected).containsKeys("title", "detail");
        assertThat(stored()).as("what is stored after %s by %s", name, caller).isEqualTo(before);
    }

    /** The claims the broken tokens carry are good ones: unbroken, they read what the endpoint shows. */
    @Test
    void theAllowedCallerOfEachReadingEndpointIsLetThrough() {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method() == GET) {
                Party allowed = endpoint.allowed();
                HttpHeaders headers = new HttpHeaders();
                headers.setBearerAuth(tokens.issue(allowed.subject(), allowed.agency(), allowed.roles(),
                        Duration.ofHours(1)));
                ResponseEntity<String> response = http.exchange(endpoint.path(), GET, new HttpEntity<>(headers),
                        String.class);
                assertThat(response.getStatusCode().value()).as("%s: %s", endpoint.name(), response.getBody())
                        .isEqualTo(200);
            }
        }
    }

    /** Events, the kind of each processor's position (a reset would make it a replay) and dead letters. */
    record Stored(long events, List<Map<String, Object>> positions, long deadLetters) {
    }

    private Stored stored() {
        return new Stored(api.storedEvents(),
                jdbc.queryForList("SELECT " + positions.processorNameColumn() + ", " + positions.segmentColumn() + ", "
                        + positions.tokenTypeColumn() + " FROM " + positions.tokenTable() + " ORDER BY 1, 2"),
                jdbc.queryForObject("SELECT count(*) FROM " + deadLetters.deadLetterTable(), Long.class));
    }

    private String token(Caller caller, Endpoint endpoint) {
        Party allowed = endpoint.allowed();
        return switch (caller) {
            case FOREIGN_AGENCY -> api.worker(FOREIGN);
            case WRONG_ROLE -> api.analyst();
            case NO_TOKEN -> null;
            case FORGED_SIGNATURE -> tokens.forged(allowed.subject(), allowed.agency(), allowed.roles());
            case EXPIRED -> tokens.expired(allowed.subject(), allowed.agency(), allowed.roles());
            case NO_EXPIRY -> tokens.withoutExpiry(allowed.subject(), allowed.agency(), allowed.roles());
            case NO_SUBJECT -> tokens.withoutSubject(allowed.agency(), allowed.roles());
            // The allowed roles, for an agency the platform has never registered.
            case UNREGISTERED_AGENCY -> tokens.issue(allowed.subject(), UUID.randomUUID(), allowed.roles(),
                    Duration.ofHours(1));
        };
    }

    private static int expected(Caller caller, Endpoint endpoint) {
        return switch (caller) {
            case FOREIGN_AGENCY -> endpoint.foreignAgency();
            case WRONG_ROLE, UNREGISTERED_AGENCY -> 403;
            case NO_TOKEN, FORGED_SIGNATURE, EXPIRED, NO_EXPIRY, NO_SUBJECT -> 401;
        };
    }

    private static Map<String, Object> visitsOf(LocalDate date, int families) {
        return Map.of("date", date.toString(), "families", families, "adults", families, "children", families + 1);
    }
}
