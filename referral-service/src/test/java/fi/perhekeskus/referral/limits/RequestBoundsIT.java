package fi.perhekeskus.referral.limits;

import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list and text of every request body one past its limit in docs/contract.md (and every enum, UUID
 * and date given a value it cannot be): 400 problem+json naming the field, and nothing stored.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBoundsIT {

    private static final String NAME_OVER = "n".repeat(Limits.NAME + 1);
    private static final String TEXT_OVER = "t".repeat(Limits.TEXT + 1);
    /** Within every limit, but PostgreSQL's text cannot hold it (StorableText). */
    private static final String NUL = "Tam\u0000pere";

    enum Who { COORDINATOR, SENDER, RECEIVER }

    /** A request that is valid, then spoiled in one field. */
    record Case(String endpoint, HttpMethod method, String path, Who who,
                Map<String, Object> valid, String field, Object value, String expectedField) {

        @Override
        public String toString() {
            return endpoint + ": " + expectedField;
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private UUID clinic;
    private UUID counselling;
    private UUID service;
    private UUID family;
    private UUID referral;

    @BeforeAll
    void createOneOfEverything() {
        api = new Api(http);
        clinic = api.agency("Sastamalan neuvola", "Sastamala");
        counselling = api.agency("Sastamalan perheneuvola", "Sastamala");
        service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        family = api.family(clinic, "Liisa", "Lahtinen", "131052-308T", "1952-10-13");
        api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
        referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "tuen tarve", "needLevel", "YELLOW", "priority", "ROUTINE"));
    }

    Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Map<String, Object> agency = Map.of("name", "Vammalan neuvola", "organizerType", "MUNICIPALITY",
                "organizerName", "Sastamalan kaupunki", "municipality", "Sastamala",
                "servedMunicipalities", List.of("Sastamala"));
        String agencies = "/api/v1/agencies";
        cases.add(asCoordinator("register agency", HttpMethod.POST, agencies, agency, "name", NAME_OVER));
        cases.add(asCoordinator("register agency", HttpMethod.POST, agencies, agency, "organizerName", NAME_OVER));
        cases.add(asCoordinator("register agency", HttpMethod.POST, agencies, agency, "municipality", NAME_OVER));
        cases.add(asCoordinator("register agency", HttpMethod.POST, agencies, agency, "name", NUL));
        cases.add(asCoordinator("register agency", HttpMethod.POST, agencies, agency, "organizerType", "TOWN"));
        cases.add(asCoordinator("register agency", HttpMethod.POST, agencies, agency, "servedMunicipalities",
                items(Limits.LIST + 1, "Sastamala")));
        cases.add(asCoordinator("register agency", HttpMethod.POST, agencies, agency, "servedMunicipalities",
                List.of(NAME_OVER), "servedMunicipalities[0]"));

        Map<String, Object> serviceBody = Map.of("agencyId", counselling, "name", "Vauvaperheet", "kind", "GROUP",
                "needLevel", "GREEN", "ageFromMonths", 0, "ageToMonths", 12, "municipalities", List.of("Sastamala"),
                "languages", List.of("fi"), "description", "Ryhmä");
        String services = "/api/v1/services";
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "agencyId", "not-a-uuid"));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "agencyId", null));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "name", NAME_OVER));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "kind", "CLUB"));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "needLevel", "BLUE"));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "ageFromMonths", 217));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "ageToMonths", 2147483648L));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "municipalities",
                items(Limits.LIST + 1, "Sastamala")));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "municipalities",
                List.of(NAME_OVER), "municipalities[0]"));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "languages",
                items(Limits.LANGUAGES + 1, "fi")));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "languages",
                List.of("x".repeat(Limits.LANGUAGE_TAG + 1)), "languages[0]"));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "description", TEXT_OVER));
        cases.add(asCoordinator("list service", HttpMethod.POST, services, serviceBody, "description", NUL));
        cases.add(asCoordinator("update service", HttpMethod.PUT, services + "/" + service, serviceBody,
                "description", TEXT_OVER));
        cases.add(asCoordinator("update service", HttpMethod.PUT, services + "/" + service, serviceBody,
                "municipalities", items(Limits.LIST + 1, "Sastamala")));
        cases.add(asCoordinator("withdraw service", HttpMethod.DELETE, services + "/" + service, Map.of("reason", "x"),
                "reason", TEXT_OVER));

        Map<String, Object> member = Map.of("role", "PARENT", "givenName", "Aino", "familyName", "Aalto",
                "birthDate", "1952-10-13", "personalIdentityCode", "131052-308T");
        Map<String, Object> familyBody = Map.of("municipality", "Sastamala", "languages", List.of("fi"),
                "members", List.of(member));
        String families = "/api/v1/families";
        cases.add(asSender("register family", HttpMethod.POST, families, familyBody, "municipality", NAME_OVER));
        cases.add(asSender("register family", HttpMethod.POST, families, familyBody, "municipality", NUL));
        cases.add(asSender("register family", HttpMethod.POST, families, familyBody, "languages",
                items(Limits.LANGUAGES + 1, "fi")));
        cases.add(asSender("register family", HttpMethod.POST, families, familyBody, "languages",
                List.of("x".repeat(Limits.LANGUAGE_TAG + 1)), "languages[0]"));
        cases.add(asSender("register family", HttpMethod.POST, families, familyBody, "members",
                items(Limits.MEMBERS + 1, member)));
        for (Map.Entry<String, Object> spoilt : Map.<String, Object>of("givenName", NAME_OVER, "familyName", NAME_OVER,
                "personalIdentityCode", "131052-308T".repeat(100), "birthDate", "1899-12-31", "role", "GRANDPARENT")
                .entrySet()) {
            Map<String, Object> bad = new HashMap<>(member);
            bad.put(spoilt.getKey(), spoilt.getValue());
            cases.add(asSender("register family", HttpMethod.POST, families, familyBody, "members", List.of(bad),
                    "members[0]." + spoilt.getKey()));
        }

        Map<String, Object> nulName = new HashMap<>(member);
        nulName.put("givenName", NUL);
        cases.add(asSender("register family", HttpMethod.POST, families, familyBody, "members", List.of(nulName),
                "members[0].givenName"));

        String consents = families + "/" + family + "/consents";
        Map<String, Object> consent = Map.of("agencyIds", List.of(counselling), "purpose", "palveluohjaus",
                "givenBy", "Äiti", "validUntil", LocalDate.now().plusMonths(6).toString());
        cases.add(asSender("give consent", HttpMethod.POST, consents, consent, "agencyIds",
                items(Limits.AGENCY_IDS + 1, counselling)));
        cases.add(asSender("give consent", HttpMethod.POST, consents, consent, "agencyIds", List.of("x"), "agencyIds[0]"));
        cases.add(asSender("give consent", HttpMethod.POST, consents, consent, "purpose", NAME_OVER));
        cases.add(asSender("give consent", HttpMethod.POST, consents, consent, "purpose", NUL));
        cases.add(asSender("give consent", HttpMethod.POST, consents, consent, "givenBy", NAME_OVER));
        cases.add(asSender("give consent", HttpMethod.POST, consents, consent, "validUntil", "2201-01-01"));
        cases.add(asSender("give consent", HttpMethod.POST, consents, consent, "validUntil", "+999999999-12-31"));

        Map<String, Object> make = Map.of("familyId", family, "serviceId", service, "reason", "tuen tarve",
                "needLevel", "YELLOW", "priority", "ROUTINE", "legalBasis", "Lastensuojelulaki 25 §");
        String referrals = "/api/v1/referrals";
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "reason", TEXT_OVER));
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "reason", NUL));
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "legalBasis", TEXT_OVER));
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "familyId", "f"));
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "serviceId", 42));
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "consentId", "c"));
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "needLevel", "PURPLE"));
        cases.add(asSender("make referral", HttpMethod.POST, referrals, make, "priority", "SOMEDAY"));

        String r = referrals + "/" + referral;
        cases.add(asReceiver("accept", HttpMethod.POST, r + "/accept", Map.of("responsibleWorker", "Terhi"),
                "responsibleWorker", NAME_OVER));
        cases.add(asReceiver("accept", HttpMethod.POST, r + "/accept", Map.of("responsibleWorker", "Terhi"),
                "firstContactOn", "2201-01-01"));
        cases.add(asReceiver("decline", HttpMethod.POST, r + "/decline", Map.of("reason", "ei tilaa"), "reason", TEXT_OVER));
        cases.add(asReceiver("redirect", HttpMethod.POST, r + "/redirect", Map.of("serviceId", service), "note", TEXT_OVER));
        cases.add(asReceiver("redirect", HttpMethod.POST, r + "/redirect", Map.of("note", "x"), "serviceId", "s"));
        cases.add(asReceiver("complete", HttpMethod.POST, r + "/complete", Map.of("outcome", "GOAL_MET"), "note", TEXT_OVER));
        cases.add(asReceiver("complete", HttpMethod.POST, r + "/complete", Map.of("note", "x"), "outcome", "FINE"));
        cases.add(asSender("cancel", HttpMethod.POST, r + "/cancel", Map.of("reason", "x"), "reason", TEXT_OVER));
        cases.add(asReceiver("hold", HttpMethod.POST, r + "/hold", Map.of("reason", "x"), "reason", TEXT_OVER));
        Map<String, Object> handover = Map.of("heldOn", "2026-01-02", "familyPresent", true, "note", "x");
        cases.add(asSender("hand-over meeting", HttpMethod.POST, r + "/handover-meeting", handover, "note", TEXT_OVER));
        cases.add(asSender("hand-over meeting", HttpMethod.POST, r + "/handover-meeting", handover, "heldOn", "1899-12-31"));
        cases.add(asSender("hand-over meeting", HttpMethod.POST, r + "/handover-meeting", handover, "familyPresent", "often"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void overTheLimitIsRefusedWithTheFieldNamedAndNothingStored(Case c) {
        int before = events();
        Map<String, Object> body = new HashMap<>(c.valid());
        body.put(c.field(), c.value());
        String token = switch (c.who()) {
            case COORDINATOR -> Api.coordinator();
            case SENDER -> worker(clinic);
            case RECEIVER -> worker(counselling);
        };

        ResponseEntity<Map> refused = api.call(c.method(), c.path(), token, body);

        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
                .as("%s", refused.getBody())
                .extracting(e -> e.get("field")).contains(c.expectedField());
        assertThat(refused.getBody().toString()).doesNotContain("java.", "Exception", "com.fasterxml");
        assertThat(events()).isEqualTo(before);
    }

    private Case asCoordinator(String endpoint, HttpMethod method, String path, Map<String, Object> valid, String field,
                             Object value) {
        return new Case(endpoint, method, path, Who.COORDINATOR, valid, field, value, field);
    }

    private Case asCoordinator(String endpoint, HttpMethod method, String path, Map<String, Object> valid, String field,
                             Object value, String expected) {
        return new Case(endpoint, method, path, Who.COORDINATOR, valid, field, value, expected);
    }

    private Case asSender(String endpoint, HttpMethod method, String path, Map<String, Object> valid, String field,
                        Object value) {
        return new Case(endpoint, method, path, Who.SENDER, valid, field, value, field);
    }

    private Case asSender(String endpoint, HttpMethod method, String path, Map<String, Object> valid, String field,
                        Object value, String expected) {
        return new Case(endpoint, method, path, Who.SENDER, valid, field, value, expected);
    }

    private Case asReceiver(String endpoint, HttpMethod method, String path, Map<String, Object> valid, String field,
                          Object value) {
        return new Case(endpoint, method, path, Who.RECEIVER, valid, field, value, field);
    }

    private static List<Object> items(int count, Object item) {
        return new ArrayList<>(Collections.nCopies(count, item));
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }
}
