package fi.perhekeskus.referral;

import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.referral.support.Api;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {id} endpoint of referral-service, and its admin endpoints, called by each kind of caller
 * that must be refused: a foreign agency, a wrong role, no token, a forged signature, an expired
 * token, a token without {@code exp}, one without {@code sub} and one of an unregistered agency.
 * Each broken token carries the claims of the caller the endpoint would let through, so only the
 * one defect stands between it and success. Every refusal is problem+json and changes nothing
 * stored: no event, no processor position, no dead letter.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

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
     * @param foreignAgency what a worker of an agency that is no party hears: 404 where it must not
     *                      learn that the object exists, 403 where the endpoint is for coordinators
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

    private final List<Endpoint> endpoints = new ArrayList<>();
    private UUID foreign;

    @BeforeAll
    void createOneOfEverything() {
        Api api = new Api(http);
        UUID clinic = api.agency("Pirkkalan neuvola", "Pirkkala");
        UUID counselling = api.agency("Nokian perheneuvola", "Nokia");
        foreign = api.agency("Ylöjärven nuorisoasema", "Ylöjärvi");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID family = api.family(clinic, "Matti", "Mäkinen", "131052-308T", "1952-10-13");
        UUID consent = api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
        UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", Api.worker(clinic), Map.of(
                "familyId", family, "serviceId", service, "reason", "tuen tarve", "needLevel", "YELLOW",
                "priority", "ROUTINE"));
        String r = "/api/v1/referrals/" + referral;
        String f = "/api/v1/families/" + family;
        Party sender = Party.worker(clinic);
        Party receiver = Party.worker(counselling);
        Party coordinator = Party.coordinator();
        endpoints.addAll(List.of(
                new Endpoint("read family", HttpMethod.GET, f, null, sender, 404),
                new Endpoint("give consent", HttpMethod.POST, f + "/consents", Map.of("agencyIds", List.of(foreign),
                        "purpose", "x", "givenBy", "x", "validUntil", LocalDate.now().plusDays(9).toString()), sender, 404),
                new Endpoint("withdraw consent", HttpMethod.DELETE, f + "/consents/" + consent, null, sender, 404),
                new Endpoint("erase family", HttpMethod.DELETE, f, null, coordinator, 403),
                new Endpoint("access log", HttpMethod.GET, f + "/access-log", null, coordinator, 403),
                new Endpoint("access report", HttpMethod.GET, f + "/access-report?lang=en", null, coordinator, 403),
                new Endpoint("add member", HttpMethod.POST, f + "/members", Map.of("role", "CHILD", "givenName", "X",
                        "familyName", "Y", "birthDate", LocalDate.now().toString()), sender, 404),
                new Endpoint("change family", HttpMethod.PATCH, f, Map.of("municipality", "Nokia"), sender, 404),
                new Endpoint("responsible worker", HttpMethod.PUT, f + "/responsible-worker",
                        Map.of("agencyId", clinic, "workerId", "x"), sender, 404),
                new Endpoint("read referral", HttpMethod.GET, r, null, sender, 404),
                new Endpoint("receive", HttpMethod.POST, r + "/receive", null, receiver, 404),
                new Endpoint("accept", HttpMethod.POST, r + "/accept", Map.of(), receiver, 404),
                new Endpoint("decline", HttpMethod.POST, r + "/decline", Map.of("reason", "x"), receiver, 404),
                new Endpoint("redirect", HttpMethod.POST, r + "/redirect", Map.of("serviceId", service), receiver, 404),
                new Endpoint("start", HttpMethod.POST, r + "/start", null, receiver, 404),
                new Endpoint("complete", HttpMethod.POST, r + "/complete", Map.of("outcome", "GOAL_MET"), receiver, 404),
                new Endpoint("cancel", HttpMethod.POST, r + "/cancel", Map.of("reason", "x"), sender, 404),
                new Endpoint("hold", HttpMethod.POST, r + "/hold", Map.of("reason", "x"), receiver, 404),
                new Endpoint("resume", HttpMethod.POST, r + "/resume", null, receiver, 404),
                new Endpoint("hand-over meeting", HttpMethod.POST, r + "/handover-meeting",
                        Map.of("heldOn", LocalDate.now().toString(), "familyPresent", true), sender, 404),
                new Endpoint("update service", HttpMethod.PUT, "/api/v1/services/" + service, Map.of("name", "X",
                        "kind", "GROUP", "needLevel", "RED", "ageFromMonths", 0, "ageToMonths", 1,
                        "municipalities", List.of("Nokia"), "languages", List.of("fi")), coordinator, 403),
                new Endpoint("withdraw service", HttpMethod.DELETE, "/api/v1/services/" + service,
                        Map.of("reason", "x"), coordinator, 403),
                // The directory is public, so a foreign agency learns nothing from a 403 (as for update).
                new Endpoint("set capacity", HttpMethod.PUT, "/api/v1/services/" + service + "/capacity",
                        Map.of("status", "CLOSED"), receiver, 403),
                new Endpoint("list dead letters", HttpMethod.GET, "/api/v1/admin/dead-letters", null, coordinator, 403),
                new Endpoint("retry dead letters", HttpMethod.POST,
                        "/api/v1/admin/dead-letters/" + ProcessingGroups.VIEWS + "/retry", null, coordinator, 403),
                new Endpoint("reset processor", HttpMethod.POST,
                        "/api/v1/admin/processors/" + ProcessingGroups.VIEWS + "/reset", null, coordinator, 403)));
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

        ResponseEntity<Map> response = new Api(http).call(endpoint.method(), endpoint.path(), token(caller, endpoint),
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
            if (endpoint.method() == HttpMethod.GET) {
                Party allowed = endpoint.allowed();
                HttpHeaders headers = new HttpHeaders();
                headers.setBearerAuth(TOKENS.issue(allowed.subject(), allowed.agency(), allowed.roles(),
                        Duration.ofHours(1)));
                ResponseEntity<String> response = http.exchange(endpoint.path(), HttpMethod.GET,
                        new HttpEntity<>(headers), String.class);
                assertThat(response.getStatusCode().value()).as("%s: %s", endpoint.name(), response.getBody())
                        .isEqualTo(200);
            }
        }
    }

    /**
     * Events, the kind of each processor's position (a reset would make it a replay) and dead letters.
     */
    record Stored(long events, List<Map<String, Object>> positions, long deadLetters) {
    }

    private Stored stored() {
        return new Stored(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class),
                jdbc.queryForList("SELECT " + positions.processorNameColumn() + ", " + positions.segmentColumn() + ", "
                        + positions.tokenTypeColumn() + " FROM " + positions.tokenTable() + " ORDER BY 1, 2"),
                jdbc.queryForObject("SELECT count(*) FROM " + deadLetters.deadLetterTable(), Long.class));
    }

    private String token(Caller caller, Endpoint endpoint) {
        Party allowed = endpoint.allowed();
        return switch (caller) {
            case FOREIGN_AGENCY -> Api.worker(foreign);
            case WRONG_ROLE -> TOKENS.analyst("analyst-1");
            case NO_TOKEN -> null;
            case FORGED_SIGNATURE -> TOKENS.forged(allowed.subject(), allowed.agency(), allowed.roles());
            case EXPIRED -> TOKENS.expired(allowed.subject(), allowed.agency(), allowed.roles());
            case NO_EXPIRY -> TOKENS.withoutExpiry(allowed.subject(), allowed.agency(), allowed.roles());
            case NO_SUBJECT -> TOKENS.withoutSubject(allowed.agency(), allowed.roles());
            // The allowed roles, for an agency the platform has never registered.
            case UNREGISTERED_AGENCY -> TOKENS.issue(allowed.subject(), UUID.randomUUID(), allowed.roles(),
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
}
