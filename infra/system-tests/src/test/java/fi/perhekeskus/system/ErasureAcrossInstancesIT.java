package fi.perhekeskus.system;

import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.privacy.JdbcFamilySealer;
import fi.perhekeskus.infra.security.LocalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.system.BearerCalls.call;
import static fi.perhekeskus.system.BearerCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two referral-service processes on one event store: a family erased through the first is erased
 * for the second too, which had opened the family's data (and so held its key) just before.
 */
class ErasureAcrossInstancesIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    private static final String REASON = "Isä Bertil kertoo väsymyksestä";

    @Test
    void aFamilyErasedThroughOneInstanceIsErasedForTheOther() {
        TestRestTemplate a = RunningService.referral().http();
        TestRestTemplate b = RunningService.secondReferral().http();
        UUID clinic = created(a, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Hervannan neuvola",
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
        UUID counselling = created(a, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Hervannan perheneuvola",
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
        UUID service = created(a, "/api/v1/services", TOKENS.coordinator("c"), Map.of("agencyId", counselling,
                "name", "Perheneuvonta", "kind", "INDIVIDUAL", "needLevel", "YELLOW", "ageFromMonths", 0,
                "ageToMonths", 216, "municipalities", List.of("Tampere"), "languages", List.of("fi")));
        String nurse = TOKENS.worker("nurse-e", clinic);
        UUID family = created(a, "/api/v1/families", nurse, Map.of("municipality", "Tampere", "languages", List.of("fi"),
                "members", List.of(Map.of("role", "PARENT", "givenName", "Bertil", "familyName", "Åkerlund",
                        "birthDate", "1985-02-11"))));
        created(a, "/api/v1/families/" + family + "/consents", nurse, Map.of("agencyIds", List.of(counselling),
                "purpose", "palveluohjaus", "givenBy", "Bertil", "validUntil", LocalDate.now().plusYears(1).toString()));
        UUID referral = created(a, "/api/v1/referrals", nurse, Map.of("familyId", family, "serviceId", service,
                "reason", REASON, "needLevel", "YELLOW", "priority", "ROUTINE"));
        // The second instance opens the reason: it now holds the family's key.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reasonOf(b, referral, nurse)).isEqualTo(REASON));
        // Both instances listen for erasures, so both cache keys: the second's would outlive the erasure.
        assertThat(RunningService.referral().eventStore().queryForObject("SELECT count(*) FROM pg_stat_activity "
                + "WHERE application_name = ? AND datname = current_database()", Integer.class,
                JdbcFamilySealer.LISTENER_NAME)).isEqualTo(2);

        assertThat(call(a, HttpMethod.DELETE, "/api/v1/families/" + family, TOKENS.coordinator("c"), null)
                .getStatusCode().value()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(reasonOf(b, referral, nurse)).isEqualTo("[erased]"));
        assertThat(reasonOf(a, referral, nurse)).isEqualTo("[erased]");
    }

    private static Object reasonOf(TestRestTemplate http, UUID referral, String token) {
        ResponseEntity<Map> response = call(http, HttpMethod.GET, "/api/v1/referrals/" + referral, token, null);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody().get("reason");
    }
}
