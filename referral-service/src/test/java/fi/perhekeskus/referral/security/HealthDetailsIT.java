package fi.perhekeskus.referral.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a token the health endpoint says only whether the service is up (docs/contract.md); a coordinator sees the parts. */
@ReferralServiceIT
class HealthDetailsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void withoutATokenOnlyTheStatusShows() throws Exception {
        Map<String, Object> health = health(null);

        assertThat(health).containsOnlyKeys("status").containsEntry("status", "UP");
    }

    @Test
    void aWorkerSeesOnlyTheStatusToo() throws Exception {
        UUID agency = new Api(http).agency("Kangasalan neuvola", "Kangasala");

        assertThat(health(Api.worker(agency))).containsOnlyKeys("status");
    }

    @Test
    void aCoordinatorSeesTheComponents() throws Exception {
        Map<String, Object> health = health(Api.coordinator());

        assertThat(health).containsEntry("status", "UP").containsKey("components");
        assertThat((Map<String, Object>) health.get("components")).containsKeys("db", "processors");
    }

    private Map<String, Object> health(String token) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<String> response = http.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readValue(response.getBody(), Map.class);
    }
}
