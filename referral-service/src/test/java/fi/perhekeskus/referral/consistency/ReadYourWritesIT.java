package fi.perhekeskus.referral.consistency;

import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/** After a 2xx, the caller's very next read shows the write: no polling, no waiting in the test. */
@ReferralServiceIT
class ReadYourWritesIT {

    private static final int ROUNDS = 30;

    @Autowired
    TestRestTemplate http;

    @Test
    void everyReadRightAfterAWriteShowsIt() {
        Api api = new Api(http);
        UUID clinic = api.agency("Lielahden neuvola", "Tampere");
        UUID counselling = api.agency("Lielahden perheneuvola", "Tampere");
        for (int round = 0; round < ROUNDS; round++) {
            UUID service = api.service(counselling, "Perheneuvonta-" + round, "INDIVIDUAL");
            assertThat(api.list("/api/v1/services?q=Perheneuvonta-" + round, worker(clinic)))
                    .extracting(s -> s.get("id")).contains(service.toString());

            UUID family = api.family(clinic, "Aada", "Virta", "131052-308T", "1952-10-13");
            assertThat(api.call(HttpMethod.GET, "/api/v1/families/" + family, worker(clinic), null)
                    .getStatusCode().value()).as("family read right after registering it").isEqualTo(200);

            api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
            UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of(
                    "familyId", family, "serviceId", service, "reason", "tuki", "needLevel", "GREEN",
                    "priority", "ROUTINE"));
            assertThat(api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(clinic), null))
                    .containsEntry("status", "REQUESTED");
            assertThat(api.list("/api/v1/referrals?direction=INCOMING", worker(counselling)))
                    .extracting(r -> r.get("id")).contains(referral.toString());

            api.ok(HttpMethod.POST, "/api/v1/referrals/" + referral + "/receive", worker(counselling), null);
            assertThat(api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(counselling), null))
                    .containsEntry("status", "RECEIVED");
        }
    }
}
