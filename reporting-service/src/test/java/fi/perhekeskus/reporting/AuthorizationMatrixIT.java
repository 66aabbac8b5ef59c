package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.bson.Document;
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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Every endpoint of reporting-service behind a token (the reports, in JSON and CSV, and the admin
 * endpoints with a {processor} or {name}) called by each kind of caller that must be refused: a
 * worker of a foreign agency, a wrong role, no token, a forged signature, an expired token, a
 * token without {@code exp}, one without {@code sub} and one of an unregistered agency. Each broken
 * token carries the claims of the caller the endpoint would let through. Reports are read by
 * ANALYST and COORDINATOR only and none is scoped to an agency, so every worker hears 403. Every
 * refusal is problem+json and leaves the read database as it was: reporting has no event store,
 * and its only state-changing endpoints are the admin ones (a rebuild or reset would clear views
 * and replace the processor's position).
 */
@ReportingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID FOREIGN = UUID.randomUUID();
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    /** Claim bookkeeping of the token store, renewed while a processor holds its segments. */
    static final List<String> CLAIM_FIELDS = List.of("owner", "timestamp");

    enum Caller {
        FOREIGN_AGENCY, WRONG_ROLE, NO_TOKEN, FORGED_SIGNATURE, EXPIRED, NO_EXPIRY, NO_SUBJECT, UNREGISTERED_AGENCY
    }

    /** The claims of a token the endpoint lets through. */
    record Party(String subject, UUID agency, List<Role> roles) {
    }

    static final Party ANALYST = new Party("analyst-1", null, List.of(Role.ANALYST));
    static final Party COORDINATOR = new Party("coordinator-1", null, List.of(Role.COORDINATOR));
    static final Party CLINIC_WORKER = new Party("worker-clinic", CLINIC, List.of(Role.WORKER));

    /** @param wrongRole a registered caller whose role the endpoint does not admit */
    record Endpoint(String name, HttpMethod method, String path, MediaType accept, Party allowed, Party wrongRole) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    SecuritySettings security;
    @Autowired
    MongoDatabase readDatabase;

    private LocalTokens tokens;
    private final List<Endpoint> endpoints = new ArrayList<>();
    /** What this test created: other tests of this JVM keep publishing to the same topics. */
    private List<String> ownIds = List.of();

    @BeforeAll
    void createOneOfEverything() {
        tokens = new LocalTokens(security.jwtSecret());
        UUID programme = UUID.randomUUID();
        ownIds = List.of(CLINIC.toString(), FOREIGN.toString(), programme.toString());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            for (UUID agency : List.of(CLINIC, FOREIGN)) {
                events.publish(agency, new AgencyRegistered(agency, "Agency " + agency.toString().substring(0, 8),
                        OrganizerType.MUNICIPALITY, "Tampereen kaupunki", "Tampere", List.of("Tampere"),
                        "coordinator-1", at), at);
            }
            Instant starts = at.plus(7, ChronoUnit.DAYS);
            events.publish(programme, new ProgrammeScheduled(programme, "Meidän vauva", UUID.randomUUID(),
                    List.of(CLINIC), "Hervanta", 10, 10, 0, 6, List.of(new ProgrammeScheduled.Session(UUID.randomUUID(),
                    starts, starts.plus(2, ChronoUnit.HOURS), "Vauvan uni", List.of(CLINIC))), "coordinator-1", at), at);
        }
        // Every cell starts from a read database that has taken in all of the above.
        String report = "/api/v1/reports/programmes/" + programme;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                call(GET, report, MediaType.APPLICATION_JSON, tokens.analyst("a")).getStatusCode().value() == 200
                        && call(GET, "/api/v1/reports/agencies", MediaType.APPLICATION_JSON, tokens.analyst("a"))
                        .getBody().contains(FOREIGN.toString()));

        String projection = "/api/v1/admin/projections/" + ProcessingGroups.PROGRAMMES;
        MediaType json = MediaType.APPLICATION_JSON;
        endpoints.addAll(List.of(
                new Endpoint("programme report", GET, report, json, ANALYST, CLINIC_WORKER),
                new Endpoint("programme report as CSV", GET, report, CSV, ANALYST, CLINIC_WORKER),
                new Endpoint("programme overview", GET, "/api/v1/reports/programmes", json, ANALYST, CLINIC_WORKER),
                new Endpoint("programme overview as CSV", GET, "/api/v1/reports/programmes", CSV, ANALYST, CLINIC_WORKER),
                new Endpoint("referral report by agency", GET, "/api/v1/reports/referrals?groupBy=AGENCY", json,
                        ANALYST, CLINIC_WORKER),
                new Endpoint("referral report by agency as CSV", GET, "/api/v1/reports/referrals?groupBy=AGENCY", CSV,
                        ANALYST, CLINIC_WORKER),
                new Endpoint("scorecard", GET, "/api/v1/reports/scorecard", json, ANALYST, CLINIC_WORKER),
                new Endpoint("agencies", GET, "/api/v1/reports/agencies", json, ANALYST, CLINIC_WORKER),
                new Endpoint("rebuild projection", POST, projection + "/rebuild", json, COORDINATOR, ANALYST),
                new Endpoint("projection progress", GET, projection, json, COORDINATOR, ANALYST),
                new Endpoint("projections", GET, "/api/v1/admin/projections", json, COORDINATOR, ANALYST),
                new Endpoint("list dead letters", GET, "/api/v1/admin/dead-letters", json, COORDINATOR, ANALYST),
                new Endpoint("retry dead letters", POST, "/api/v1/admin/dead-letters/" + ProcessingGroups.PROGRAMMES
                        + "/retry", json, COORDINATOR, ANALYST),
                new Endpoint("reset processor", POST, "/api/v1/admin/processors/" + ProcessingGroups.PROGRAMMES + "/reset",
                        json, COORDINATOR, ANALYST)));
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
    void everyCellIsRefusedWithAProblemAndChangesNothing(String name, Caller caller, Endpoint endpoint) throws Exception {
        Map<String, List<String>> before = readDatabase();

        ResponseEntity<String> response = call(endpoint.method(), endpoint.path(), endpoint.accept(),
                token(caller, endpoint));

        int expected = expected(caller);
        assertThat(response.getStatusCode().value()).as("%s by %s: %s", name, caller, response.getBody())
                .isEqualTo(expected);
        assertThat(response.getHeaders().getContentType()).as("%s by %s", name, caller)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(objectMapper.readValue(response.getBody(), Map.class))
                .containsEntry("status", expected).containsKeys("title", "detail");
        assertThat(readDatabase()).as("the read database after %s by %s", name, caller).isEqualTo(before);
    }

    /** The claims the broken tokens carry are good ones: unbroken, they read what the endpoint shows. */
    @Test
    void theAllowedCallerOfEachReadingEndpointIsLetThrough() {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method() == GET) {
                Party allowed = endpoint.allowed();
                assertThat(call(GET, endpoint.path(), endpoint.accept(), tokens.issue(allowed.subject(),
                        allowed.agency(), allowed.roles(), Duration.ofHours(1))).getStatusCode().value())
                        .as(endpoint.name()).isEqualTo(200);
            }
        }
    }

    /**
     * Every document of this test's own agencies and programme, in every collection but the token
     * store, in order: other tests' events keep arriving and moving the tokens meanwhile. A refused
     * rebuild or reset would still show here, as these documents gone.
     */
    private Map<String, List<String>> readDatabase() {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (String collection : readDatabase.listCollectionNames().into(new TreeSet<>())) {
            if (collection.toLowerCase(java.util.Locale.ROOT).contains("token") || collection.equals("processor_instances")) {
                continue;
            }
            List<String> documents = new ArrayList<>();
            for (Document document : readDatabase.getCollection(collection).find().sort(new Document("_id", 1))) {
                CLAIM_FIELDS.forEach(document::remove);
                String json = document.toJson();
                if (ownIds.stream().anyMatch(json::contains)) {
                    documents.add(json);
                }
            }
            contents.put(collection, documents);
        }
        return contents;
    }

    private String token(Caller caller, Endpoint endpoint) {
        Party allowed = endpoint.allowed();
        Party wrong = endpoint.wrongRole();
        return switch (caller) {
            case FOREIGN_AGENCY -> tokens.worker("worker-foreign", FOREIGN);
            case WRONG_ROLE -> tokens.issue(wrong.subject(), wrong.agency(), wrong.roles(), Duration.ofHours(1));
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

    private static int expected(Caller caller) {
        return switch (caller) {
            case FOREIGN_AGENCY, WRONG_ROLE, UNREGISTERED_AGENCY -> 403;
            case NO_TOKEN, FORGED_SIGNATURE, EXPIRED, NO_EXPIRY, NO_SUBJECT -> 401;
        };
    }

    private ResponseEntity<String> call(HttpMethod method, String path, MediaType accept, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setAccept(List.of(accept));
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }
}
