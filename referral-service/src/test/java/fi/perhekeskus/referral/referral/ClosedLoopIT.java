package fi.perhekeskus.referral.referral;

import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The closed loop over HTTP on real infrastructure: REQUESTED → RECEIVED → REDIRECTED → (new)
 * RECEIVED → ACCEPTED → IN_PROGRESS → COMPLETED, the sender seeing every step in its outbox.
 */
@ReferralServiceIT
class ClosedLoopIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void aRedirectedReferralClosesItsLoopWithTheOriginalSender() {
        Api api = new Api(http);
        UUID clinic = api.agency("Hervannan neuvola", "Tampere");
        UUID counselling = api.agency("Tampereen perheneuvola", "Tampere");
        UUID ngo = api.agency("MLL Tampere", "Tampere");
        UUID counsellingService = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID groupService = api.service(ngo, "Meidän vauva -ryhmä", "GROUP");
        UUID family = api.family(clinic, "Aino", "Korhonen", "150592-908R", "1992-05-15");
        api.consent(family, clinic, List.of(counselling, ngo), LocalDate.now().plusYears(1).toString());

        String key = "clinic-" + UUID.randomUUID();
        Map<String, Object> referral = Map.of("familyId", family, "serviceId", counsellingService,
                "reason", "Äiti väsynyt, toivoo vertaistukea", "needLevel", "YELLOW", "priority", "ROUTINE");
        ResponseEntity<Map> made = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), referral,
                Map.of("Idempotency-Key", key));
        assertThat(made.getStatusCode().value()).isEqualTo(201);
        assertThat(made.getBody()).containsEntry("status", "REQUESTED");
        String first = (String) made.getBody().get("id");
        ResponseEntity<Map> again = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), referral,
                Map.of("Idempotency-Key", key));
        assertThat(again.getBody()).containsEntry("id", first);

        String path = "/api/v1/referrals/" + first;
        assertThat(api.ok(HttpMethod.POST, path + "/receive", worker(counselling), null)).containsEntry("status", "RECEIVED");
        Map<String, Object> redirected = api.ok(HttpMethod.POST, path + "/redirect", worker(counselling),
                Map.of("serviceId", groupService, "note", "Ryhmä sopii paremmin"));
        assertThat(redirected).containsEntry("status", "REDIRECTED");
        String second = (String) redirected.get("redirectedTo");

        String next = "/api/v1/referrals/" + second;
        assertThat(api.ok(HttpMethod.POST, next + "/receive", worker(ngo), null)).containsEntry("status", "RECEIVED");
        assertThat(api.ok(HttpMethod.POST, next + "/accept", worker(ngo),
                Map.of("responsibleWorker", "ohjaaja-7", "firstContactOn", LocalDate.now().plusDays(3).toString())))
                .containsEntry("status", "ACCEPTED").containsEntry("responsibleWorker", "ohjaaja-7");
        assertThat(api.ok(HttpMethod.POST, next + "/start", worker(ngo), null)).containsEntry("status", "IN_PROGRESS");
        assertThat(api.ok(HttpMethod.POST, next + "/complete", worker(ngo), Map.of("outcome", "GOAL_MET")))
                .containsEntry("status", "COMPLETED").containsEntry("outcome", "GOAL_MET");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> outbox = api.list("/api/v1/referrals?direction=OUTGOING", worker(clinic));
            assertThat(outbox).extracting(r -> r.get("id")).contains(first, second);
            Map<String, Object> forwarded = outbox.stream().filter(r -> r.get("id").equals(second)).findFirst().orElseThrow();
            assertThat(forwarded).containsEntry("status", "COMPLETED").containsEntry("senderAgencyId", clinic.toString())
                    .containsEntry("redirectedFrom", first);
            assertThat((List<Map<String, Object>>) forwarded.get("history")).extracting(s -> s.get("step"))
                    .containsExactly("MADE", "RECEIVED", "ACCEPTED", "STARTED", "COMPLETED");
            Map<String, Object> original = outbox.stream().filter(r -> r.get("id").equals(first)).findFirst().orElseThrow();
            assertThat((List<Map<String, Object>>) original.get("history")).extracting(s -> s.get("step"))
                    .containsExactly("MADE", "RECEIVED", "REDIRECTED");
        });
        Map<String, Object> detail = api.ok(HttpMethod.GET, next, worker(clinic), null);
        assertThat(detail).containsEntry("reason", "Äiti väsynyt, toivoo vertaistukea");
        assertThat(api.list("/api/v1/referrals?direction=INCOMING&status=COMPLETED", worker(ngo)))
                .extracting(r -> r.get("id")).contains(second);
    }
}
