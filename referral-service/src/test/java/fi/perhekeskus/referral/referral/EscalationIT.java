package fi.perhekeskus.referral.referral;

import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.referral.ReferralServiceApplication;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service levels with short durations on the real database: a referral nobody receives is
 * escalated, and a deadline scheduled before a restart still fires after it.
 */
class EscalationIT {

    private static ConfigurableApplicationContext start() {
        return ReferralServiceApplication.builder()
                .initializers(new LocalInfrastructureInitializer())
                // Arguments, not default properties: those lose to the service's own server.port.
                // The referrals below are URGENT: their own service levels apply, not the routine ones.
                .run("--server.port=0", "--perhekeskus.referral.sla.urgent-receive=PT3S",
                        "--perhekeskus.referral.sla.urgent-decide=PT6S", "--db-scheduler.polling-interval=500ms");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt() {
        ConfigurableApplicationContext first = start();
        Api api = api(first);
        UUID clinic = api.agency("Lempäälän neuvola", "Lempäälä");
        UUID counselling = api.agency("Lempäälän perheneuvola", "Lempäälä");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID family = api.family(clinic, "Liisa", "Lahtinen", "150592-908R", "1992-05-15");
        api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
        UUID received = api.created(HttpMethod.POST, "/api/v1/referrals", Api.worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "x", "needLevel", "GREEN", "priority", "URGENT"));
        api.ok(HttpMethod.POST, "/api/v1/referrals/" + received + "/receive", Api.worker(counselling), null);
        UUID ignored = api.created(HttpMethod.POST, "/api/v1/referrals", Api.worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "x", "needLevel", "GREEN", "priority", "URGENT"));
        first.close();

        ConfigurableApplicationContext second = start();
        try {
            Api restarted = api(second);
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                assertThat(escalations(restarted, clinic, ignored)).containsExactly("NOT_RECEIVED", "NOT_DECIDED");
                assertThat(escalations(restarted, clinic, received)).containsExactly("NOT_DECIDED");
            });
        } finally {
            second.close();
        }
    }

    private static List<String> escalations(Api api, UUID clinic, UUID referral) {
        Object escalations = api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, Api.worker(clinic), null)
                .get("escalations");
        return escalations == null ? List.of() : (List<String>) escalations;
    }
}
