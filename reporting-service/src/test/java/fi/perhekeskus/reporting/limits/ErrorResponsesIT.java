package fi.perhekeskus.reporting.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.reporting.ReportingServiceIT;
import fi.perhekeskus.infra.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * reporting-service answers problem+json in its own words too: a body over 256 KiB, what Spring MVC
 * refuses by itself and what the security firewall refuses.
 */
@ReportingServiceIT
class ErrorResponsesIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    /** Tokens signed with whatever secret this service runs on. */
    @Autowired
    SecuritySettings security;
    @LocalServerPort
    int port;

    @Test
    void aBodyOver256KibIs413BeforeAnythingRuns() {
        String body = "{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}";

        assertProblem(http.exchange("/api/v1/admin/projections/referral-flow-projection/rebuild", HttpMethod.POST,
                new HttpEntity<>(body, headers(coordinator())), String.class), 413);
        // Without a token too: the size is checked first.
        assertProblem(http.exchange("/api/v1/admin/projections/referral-flow-projection/rebuild", HttpMethod.POST,
                new HttpEntity<>(body, headers(null)), String.class), 413);
    }

    @Test
    void springsOwnRefusalsAreProblemsInOurWords() {
        String token = coordinator();
        assertProblem(http.exchange("/api/v1/reports/referrals", HttpMethod.POST, new HttpEntity<>("{}", headers(token)),
                String.class), 405);
        assertProblem(http.exchange("/api/v1/reports/nothing", HttpMethod.GET, new HttpEntity<>(headers(token)),
                String.class), 404);
        assertProblem(http.exchange("/api/v1/reports/referrals", HttpMethod.GET,
                new HttpEntity<>(headers("eyJhbGciOiJIUzI1NiJ9.e30.AAAA")), String.class), 401);
        HttpHeaders xml = headers(token);
        xml.setAccept(java.util.List.of(MediaType.APPLICATION_XML));
        ResponseEntity<String> notAcceptable = http.exchange("/api/v1/reports/scorecard", HttpMethod.GET,
                new HttpEntity<>(xml), String.class);
        assertThat(notAcceptable.getStatusCode().value()).isEqualTo(406);
        assertThat(String.valueOf(notAcceptable.getBody())).doesNotContain("java.", "Exception");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET //api/v1/reports/scorecard HTTP/1.1",
            "GET /api/v1/reports/%2e%2e/reports/scorecard HTTP/1.1",
            "GET /api/v1/reports/scorecard;x=y HTTP/1.1",
            "GET /api/v1/reports%2Fscorecard HTTP/1.1",
            "GET /api/v1/reports/scorecard%25 HTTP/1.1",
            "GET /api/v1/reports/scorecard HTTP/1.1\r\nX-Note: a\u007fb",
            "GET /api/v1/reports/scorecard?organizer=\u0007 HTTP/1.1"})
    void whatTheFirewallRefusesIsAProblemToo(String request) throws Exception {
        RawHttp.Response answer = RawHttp.send(port, request + "\r\nAuthorization: Bearer " + coordinator());

        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).path("status").asInt()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("java.", "Exception", "Rejected");
    }

    private String coordinator() {
        return new LocalTokens(security.jwtSecret()).coordinator("coordinator-1");
    }

    private static void assertProblem(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).contains("\"status\":" + status)
                .doesNotContain("java.", "Exception", "org.spring", "com.fasterxml");
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }
}
