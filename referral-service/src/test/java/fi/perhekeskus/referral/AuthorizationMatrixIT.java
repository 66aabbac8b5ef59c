package fi.perhekeskus.referral;

import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {id} endpoint called by a foreign agency, by a wrong role, without a token and with a
 * forged token: refused with problem+json, and nothing stored changes.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    enum Caller { FOREIGN_AGENCY, WRONG_ROLE, NO_TOKEN, FORGED_TOKEN }

    record Endpoint(String name, HttpMethod method, String path, Object body, boolean coordinatorOnly) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

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
        endpoints.addAll(List.of(
                new Endpoint("read family", HttpMethod.GET, f, null, false),
                new Endpoint("give consent", HttpMethod.POST, f + "/consents", Map.of("agencyIds", List.of(foreign),
                        "purpose", "x", "givenBy", "x", "validUntil", LocalDate.now().plusDays(9).toString()), false),
                new Endpoint("withdraw consent", HttpMethod.DELETE, f + "/consents/" + consent, null, false),
                new Endpoint("erase family", HttpMethod.DELETE, f, null, true),
                new Endpoint("access log", HttpMethod.GET, f + "/access-log", null, true),
                new Endpoint("read referral", HttpMethod.GET, r, null, false),
                new Endpoint("receive", HttpMethod.POST, r + "/receive", null, false),
                new Endpoint("accept", HttpMethod.POST, r + "/accept", Map.of(), false),
                new Endpoint("decline", HttpMethod.POST, r + "/decline", Map.of("reason", "x"), false),
                new Endpoint("redirect", HttpMethod.POST, r + "/redirect", Map.of("serviceId", service), false),
                new Endpoint("start", HttpMethod.POST, r + "/start", null, false),
                new Endpoint("complete", HttpMethod.POST, r + "/complete", Map.of("outcome", "GOAL_MET"), false),
                new Endpoint("cancel", HttpMethod.POST, r + "/cancel", Map.of("reason", "x"), false),
                new Endpoint("update service", HttpMethod.PUT, "/api/v1/services/" + service, Map.of("name", "X",
                        "kind", "GROUP", "needLevel", "RED", "ageFromMonths", 0, "ageToMonths", 1,
                        "municipalities", List.of("Nokia"), "languages", List.of("fi")), true),
                new Endpoint("withdraw service", HttpMethod.DELETE, "/api/v1/services/" + service,
                        Map.of("reason", "x"), true)));
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
        Integer eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);

        ResponseEntity<Map> response = new Api(http).call(endpoint.method(), endpoint.path(), token(caller, endpoint),
                endpoint.body());

        assertThat(response.getStatusCode().value()).as("%s by %s: %s", name, caller, response.getBody())
                .isEqualTo(expected(caller, endpoint));
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsKeys("status", "title", "detail");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class)).isEqualTo(eventsBefore);
    }

    private String token(Caller caller, Endpoint endpoint) {
        return switch (caller) {
            case FOREIGN_AGENCY -> Api.worker(foreign);
            case WRONG_ROLE -> endpoint.coordinatorOnly() ? Api.worker(foreign) : TOKENS.analyst("analyst-1");
            case NO_TOKEN -> null;
            case FORGED_TOKEN -> new LocalTokens("somebody-else-s-secret-somebody-else-s-secret")
                    .coordinator("intruder");
        };
    }

    private static int expected(Caller caller, Endpoint endpoint) {
        return switch (caller) {
            // A foreign agency does not learn that the family or the referral exists.
            case FOREIGN_AGENCY -> endpoint.coordinatorOnly() ? 403 : 404;
            case WRONG_ROLE -> 403;
            case NO_TOKEN, FORGED_TOKEN -> 401;
        };
    }
}
