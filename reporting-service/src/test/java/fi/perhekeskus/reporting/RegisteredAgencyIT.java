package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reporting knows the registered agencies from {@code AgencyRegistered} on the referral topic: a
 * token naming any other agency reads no report, whatever its roles; a token without an agency
 * (the network-wide roles) reads as before.
 */
@ReportingServiceIT
class RegisteredAgencyIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    private static final String REPORT = "/api/v1/reports/referrals?groupBy=AGENCY";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void aTokenOfAnUnregisteredAgencyReadsNoReportUntilTheAgencyIsRegistered() {
        UUID agency = UUID.randomUUID();
        String token = TOKENS.issue("analyst-of-agency", agency, List.of(Role.ANALYST), Duration.ofHours(1));

        ResponseEntity<String> refused = get(REPORT, token);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("\"status\":403", "ei ole rekisteröity");
        assertThat(get("/api/v1/reports/agencies", token).getStatusCode().value()).isEqualTo(403);

        Instant at = Instant.now();
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(agency, new AgencyRegistered(agency, "Ylöjärven perhekeskus", OrganizerType.MUNICIPALITY,
                    "Ylöjärven kaupunki", "Ylöjärvi", List.of("Ylöjärvi"), "coordinator-1", at), at);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(REPORT, token).getStatusCode().value()).isEqualTo(200));
    }

    @Test
    void networkWideRolesWithoutAnAgencyReadAsBefore() {
        assertThat(get(REPORT, TOKENS.analyst("analyst-1")).getStatusCode().value()).isEqualTo(200);
        assertThat(get(REPORT, TOKENS.coordinator("coordinator-1")).getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
