package fi.perhekeskus.referral.consistency;

import fi.perhekeskus.infra.testing.Concurrently;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
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

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Idempotency-Key, many requests at once, on real threads against the running service: exactly
 * one referral, every answer the same, never a 5xx. The same key with another body is 422.
 */
@ReferralServiceIT
class IdempotencyIT {

    private static final int CONCURRENT = 8;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentRequestsWithOneKeyMakeOneReferralAndAllGetItsAnswer() throws Exception {
        Api api = new Api(http);
        UUID clinic = api.agency("Kaukajärven neuvola", "Tampere");
        UUID counselling = api.agency("Kaukajärven perheneuvola", "Tampere");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID family = api.family(clinic, "Iida", "Lahtinen", "131052-308T", "1952-10-13");
        api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
        Map<String, Object> body = Map.of("familyId", family, "serviceId", service, "reason", "tuen tarve",
                "needLevel", "YELLOW", "priority", "ROUTINE");
        String key = "retry-" + UUID.randomUUID();
        long before = referralsMadeBy(clinic);

        List<ResponseEntity<Map>> answers = Concurrently.all(CONCURRENT, () -> api.call(HttpMethod.POST, "/api/v1/referrals",
                worker(clinic), body, Map.of("Idempotency-Key", key)));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as("%s", a.getBody()).isEqualTo(201));
        assertThat(answers).extracting(a -> a.getBody().get("id")).containsOnly(answers.get(0).getBody().get("id"));
        assertThat(answers).extracting(a -> a.getBody().get("status")).containsOnly("REQUESTED");
        assertThat(referralsMadeBy(clinic)).isEqualTo(before + 1);

        String id = (String) answers.get(0).getBody().get("id");
        api.ok(HttpMethod.POST, "/api/v1/referrals/" + id + "/receive", worker(counselling), null);
        ResponseEntity<Map> replay = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), body,
                Map.of("Idempotency-Key", key));
        assertThat(replay.getStatusCode().value()).isEqualTo(201);
        assertThat(replay.getBody()).containsEntry("id", id).containsEntry("status", "RECEIVED");
        assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");

        Map<String, Object> otherBody = Map.of("familyId", family, "serviceId", service, "reason", "toinen syy",
                "needLevel", "RED", "priority", "URGENT");
        ResponseEntity<Map> misuse = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), otherBody,
                Map.of("Idempotency-Key", key));
        assertThat(misuse.getStatusCode().value()).isEqualTo(422);
        assertThat(misuse.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(referralsMadeBy(clinic)).isEqualTo(before + 1);
    }

    @Test
    void aRefusedRequestFreesItsKeyAndAnotherAgencysKeyIsItsOwn() {
        Api api = new Api(http);
        UUID clinic = api.agency("Tesoman neuvola", "Tampere");
        UUID counselling = api.agency("Tesoman perheneuvola", "Tampere");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID family = api.family(clinic, "Eetu", "Salo", "150592-908R", "1992-05-15");
        Map<String, Object> body = Map.of("familyId", family, "serviceId", service, "reason", "tuen tarve",
                "needLevel", "YELLOW", "priority", "ROUTINE");
        String key = "first-try";

        // No consent covers the receiver yet: refused, and the key is free again.
        assertThat(api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), body, Map.of("Idempotency-Key", key))
                .getStatusCode().value()).isEqualTo(422);
        api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
        ResponseEntity<Map> made = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), body,
                Map.of("Idempotency-Key", key));
        assertThat(made.getStatusCode().value()).isEqualTo(201);
        assertThat(made.getHeaders().getFirst("Idempotent-Replayed")).isNull();

        ResponseEntity<Map> invalid = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), body,
                Map.of("Idempotency-Key", "x".repeat(201)));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().toString()).contains("Idempotency-Key");
    }

    @Test
    void everyCreatingPostTakesAKeyConcurrently() throws Exception {
        Api api = new Api(http);
        UUID clinic = api.agency("Annalan neuvola", "Tampere");
        UUID family = api.family(clinic, "Onni", "Aalto", "131052-308T", "1952-10-13");
        List<Object[]> posts = List.of(
                new Object[] {"/api/v1/agencies", Api.coordinator(), Map.of("name", "Annalan perhekeskus",
                        "organizerType", "MUNICIPALITY", "organizerName", "Tampereen kaupunki", "municipality", "Tampere")},
                new Object[] {"/api/v1/services", Api.coordinator(), Map.of("agencyId", clinic, "name", "Vauvaryhmä",
                        "kind", "GROUP", "needLevel", "GREEN", "ageFromMonths", 0, "ageToMonths", 12,
                        "municipalities", List.of("Tampere"), "languages", List.of("fi"), "description", "Ryhmä")},
                new Object[] {"/api/v1/families", worker(clinic), Map.of("municipality", "Tampere",
                        "languages", List.of("fi"), "members", List.of(Map.of("role", "PARENT", "givenName", "Aino",
                                "familyName", "Aalto", "birthDate", "1990-01-01")))},
                new Object[] {"/api/v1/families/" + family + "/consents", worker(clinic), Map.of(
                        "agencyIds", List.of(clinic), "purpose", "palveluohjaus", "givenBy", "äiti",
                        "validUntil", LocalDate.now().plusYears(1).toString())});
        for (Object[] post : posts) {
            String path = (String) post[0];
            String key = "k-" + UUID.randomUUID();
            long before = storedEvents();
            List<ResponseEntity<Map>> answers = Concurrently.all(CONCURRENT, () -> api.call(HttpMethod.POST, path, (String) post[1],
                    post[2], Map.of("Idempotency-Key", key)));
            assertThat(answers).as(path).allSatisfy(a ->
                    assertThat(a.getStatusCode().value()).as("%s %s", path, a.getBody()).isEqualTo(201));
            assertThat(answers).as(path).extracting(a -> a.getBody().get("id"))
                    .containsOnly(answers.get(0).getBody().get("id"));
            assertThat(storedEvents()).as(path + ": one event created").isEqualTo(before + 1);
        }
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private long referralsMadeBy(UUID agency) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ReferralMade' "
                + "AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%" + agency + "%");
    }
}
