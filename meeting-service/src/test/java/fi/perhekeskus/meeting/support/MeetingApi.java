package fi.perhekeskus.meeting.support;

import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.security.SecuritySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP calls against meeting-service in integration tests, with tokens signed by the secret the
 * running service was configured with, and the count of stored events (a refused request stores none).
 */
public class MeetingApi {

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;
    private final LocalTokens tokens;

    public MeetingApi(TestRestTemplate http, JdbcTemplate jdbc, SecuritySettings settings) {
        this.http = http;
        this.jdbc = jdbc;
        this.tokens = new LocalTokens(settings.jwtSecret());
    }

    public String worker(UUID agency) {
        return tokens.worker("worker-" + agency.toString().substring(0, 8), agency);
    }

    public String coordinator() {
        return tokens.coordinator("coordinator-1");
    }

    public String analyst() {
        return tokens.analyst("analyst-1");
    }

    public ResponseEntity<Map> call(HttpMethod method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    public ResponseEntity<Map> call(HttpMethod method, String path, String token, Object body,
                                    Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        extraHeaders.forEach(headers::add);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    public Map<String, Object> expect(int status, HttpMethod method, String path, String token, Object body) {
        ResponseEntity<Map> response = call(method, path, token, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(status);
        return response.getBody();
    }

    /** A GET answered with a JSON array. */
    public List<Map<String, Object>> list(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<List> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), List.class);
        assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    public UUID created(String path, String token, Object body) {
        return UUID.fromString((String) expect(201, HttpMethod.POST, path, token, body).get("id"));
    }

    /**
     * Asserts that the request is refused with {@code status} as problem+json and that it stored no
     * event; the problem is returned.
     */
    public Map<String, Object> refused(int status, HttpMethod method, String path, String token, Object body) {
        long before = storedEvents();
        ResponseEntity<Map> response = call(method, path, token, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as("content type of %s %s", method, path)
                .isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(response.getBody()).containsEntry("status", status).containsKeys("title", "detail");
        assertThat(storedEvents()).as("events stored by a refused %s %s", method, path).isEqualTo(before);
        return response.getBody();
    }

    public long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
