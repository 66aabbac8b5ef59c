package fi.perhekeskus.referral.limits;

import fi.perhekeskus.infra.fuzz.ApiFuzzer;
import fi.perhekeskus.infra.fuzz.FuzzReport;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed requests, generated from the OpenAPI document the service serves, against
 * every operation as every role and as no one: none gets a 5xx, every error is problem+json with
 * status, title and detail, no answer names a class, and none stores an event. The seed is printed;
 * {@code -Dperhekeskus.fuzz.seed=N} repeats a run and {@code -Dperhekeskus.fuzz.requests=N} sizes it.
 */
@ReferralServiceIT
class MalformedRequestsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void malformedRequestsAreRefusedInOurWordsAndStoreNothing() throws Exception {
        // Real resources, so that a broken body meets validation on a real referral, family or service.
        Api api = new Api(http);
        UUID clinic = api.agency("Kangasalan neuvola", "Kangasala");
        UUID counselling = api.agency("Kangasalan perheneuvola", "Kangasala");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID family = api.family(clinic, "Aino", "Auvinen", "131052-308T", "1952-10-13");
        UUID consent = api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
        UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "tuen tarve", "needLevel", "YELLOW", "priority", "ROUTINE"));

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("WORKER (sender)", worker(clinic));
        tokens.put("WORKER (receiver)", worker(counselling));
        tokens.put("COORDINATOR", Api.coordinator());
        tokens.put("ANALYST", Api.TOKENS.analyst("analyst-1"));
        tokens.put("no token", null);
        Map<String, List<String>> known = Map.of(
                "/api/v1/families/#id", List.of(family.toString()),
                "/api/v1/families/#consentId", List.of(consent.toString()),
                "/api/v1/referrals/#id", List.of(referral.toString()),
                "/api/v1/services/#id", List.of(service.toString()));
        long seed = ApiFuzzer.seed(8_081L);
        long before = storedEvents();

        FuzzReport report = new ApiFuzzer(port, tokens).known(known)
                .run("referral-service", seed, ApiFuzzer.requests(3_500));

        System.out.println(report.details());
        assertThat(report.sent()).isGreaterThanOrEqualTo(Math.min(3_400, ApiFuzzer.requests(3_500)));
        assertThat(report.faults()).as(report.details()).isEmpty();
        assertThat(report.count(5)).isZero();
        assertThat(storedEvents()).as("events stored by malformed requests").isEqualTo(before);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
