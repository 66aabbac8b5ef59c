package fi.perhekeskus.system;

import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first vertical slice across two services: POST an agency to referral-service; it is stored
 * in referral's event store, published to Kafka by the outbox processor, consumed by
 * reporting-service into its Mongo projection and visible over reporting's HTTP API.
 */
@SystemIT
class AgencySliceIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    TestRestTemplate reportingHttp;

    @Test
    void anAgencyRegisteredInReferralServiceAppearsInTheReportingProjection() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.coordinator("coordinator-1"));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> created = RunningService.referral().http().exchange("/api/v1/agencies", HttpMethod.POST, new HttpEntity<>(
                "{\"name\":\"Nokian perheneuvola\",\"organizerType\":\"WELLBEING_COUNTY\","
                        + "\"organizerName\":\"Pirkanmaan hyvinvointialue\",\"municipality\":\"Nokia\"}", headers), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");

        HttpHeaders analyst = new HttpHeaders();
        analyst.setBearerAuth(TOKENS.analyst("analyst-1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> agencies = reportingHttp.exchange("/api/v1/reports/agencies", HttpMethod.GET,
                    new HttpEntity<>(analyst), new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).getBody();
            assertThat(agencies).anySatisfy(agency -> {
                assertThat(agency).containsEntry("id", id).containsEntry("name", "Nokian perheneuvola")
                        .containsEntry("organizerType", "WELLBEING_COUNTY").containsEntry("municipality", "Nokia");
            });
        });
    }
}
