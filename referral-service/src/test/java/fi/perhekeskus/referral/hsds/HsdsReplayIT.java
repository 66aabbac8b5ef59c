package fi.perhekeskus.referral.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory view's last-modified times come from the stored events, so a rebuild of the view
 * (a processor reset replays every event) gives each service the very same {@code last_modified},
 * not the time of the rebuild.
 */
@ReferralServiceIT
class HsdsReplayIT {

    @Autowired
    TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRebuiltViewShowsTheSameServicesWithTheSameTimes() throws Exception {
        Api api = new Api(http);
        UUID agency = api.agency("Oriveden perhekeskus " + UUID.randomUUID(), "Orivesi");
        UUID kept = api.service(agency, "Perhekahvila", "OPEN");
        UUID gone = api.service(agency, "Kotipalvelu", "INDIVIDUAL");
        api.call(HttpMethod.DELETE, "/api/v1/services/" + gone, coordinator(), Map.of("reason", "loppui"));
        JsonNode keptBefore = valid(HsdsSchemas.Response.SERVICE, "/hsds/services/" + kept);
        JsonNode goneBefore = valid(HsdsSchemas.Response.SERVICE, "/hsds/services/" + gone);
        JsonNode listBefore = valid(HsdsSchemas.Response.SERVICES, "/hsds/services?organization_id=" + agency);
        assertThat(goneBefore.path("status").asText()).isEqualTo("inactive");
        assertThat(keptBefore.path("last_modified").asText()).isNotBlank();

        api.ok(HttpMethod.POST, "/api/v1/admin/processors/" + ProcessingGroups.VIEWS + "/reset", coordinator(), null);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(body("/hsds/services/" + kept)).isEqualTo(keptBefore);
            assertThat(body("/hsds/services/" + gone)).isEqualTo(goneBefore);
            assertThat(body("/hsds/services?organization_id=" + agency)).isEqualTo(listBefore);
        });
        for (String path : List.of("/hsds/services/" + kept, "/hsds/services/" + gone)) {
            valid(HsdsSchemas.Response.SERVICE, path);
        }
        valid(HsdsSchemas.Response.SERVICES, "/hsds/services?organization_id=" + agency);
        valid(HsdsSchemas.Response.ORGANIZATION, "/hsds/organizations/" + agency);
        System.out.printf("HSDS responses validated against the HSDS 3.0 schemas: %d in this JVM so far, 0 errors%n",
                HsdsSchemas.validated());
    }

    private JsonNode valid(HsdsSchemas.Response schema, String path) throws Exception {
        JsonNode body = body(path);
        assertThat(HsdsSchemas.errors(schema, body)).as(path).isEmpty();
        return body;
    }

    private JsonNode body(String path) throws Exception {
        ResponseEntity<String> answer = http.getForEntity(path, String.class);
        assertThat(answer.getStatusCode().value()).as("%s: %s", path, answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }
}
