package fi.perhekeskus.system;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON calls to a running service with a bearer token, as the system tests make them. */
final class BearerCalls {

    private BearerCalls() {
    }

    /** A POST that must answer 201 with the new resource's id. */
    static UUID created(TestRestTemplate http, String path, String token, Object body) {
        ResponseEntity<Map> response = call(http, HttpMethod.POST, path, token, body);
        assertThat(response.getStatusCode().value()).as("%s: %s", path, response.getBody()).isEqualTo(201);
        return UUID.fromString((String) response.getBody().get("id"));
    }

    static ResponseEntity<Map> call(TestRestTemplate http, HttpMethod method, String path, String token, Object body) {
        return call(http, method, path, token, body, Map.class);
    }

    static <T> ResponseEntity<T> call(TestRestTemplate http, HttpMethod method, String path, String token,
                                      Object body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, method, new HttpEntity<>(body, headers), type);
    }
}
