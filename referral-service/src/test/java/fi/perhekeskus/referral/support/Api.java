package fi.perhekeskus.referral.support;

import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP calls against referral-service with local tokens, for integration tests. */
public class Api {

    public static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    private final TestRestTemplate http;

    public Api(TestRestTemplate http) {
        this.http = http;
    }

    public static String coordinator() {
        return TOKENS.coordinator("coordinator-1");
    }

    public static String worker(UUID agency) {
        return TOKENS.worker("worker-" + agency.toString().substring(0, 8), agency);
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

    public List<Map<String, Object>> list(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody();
    }

    public UUID created(HttpMethod method, String path, String token, Object body) {
        ResponseEntity<Map> response = call(method, path, token, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(201);
        return UUID.fromString((String) response.getBody().get("id"));
    }

    public Map<String, Object> ok(HttpMethod method, String path, String token, Object body) {
        ResponseEntity<Map> response = call(method, path, token, body);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    public UUID agency(String name, String municipality) {
        return created(HttpMethod.POST, "/api/v1/agencies", coordinator(), Map.of("name", name,
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue",
                "municipality", municipality));
    }

    /** An agency with a contact address for notifications. */
    public UUID agency(String name, String municipality, String contactEmail) {
        return created(HttpMethod.POST, "/api/v1/agencies", coordinator(), Map.of("name", name,
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue",
                "municipality", municipality, "contactEmail", contactEmail));
    }

    public UUID service(UUID agency, String name, String kind) {
        return created(HttpMethod.POST, "/api/v1/services", coordinator(), Map.of("agencyId", agency, "name", name,
                "kind", kind, "needLevel", "YELLOW", "ageFromMonths", 0, "ageToMonths", 12,
                "municipalities", List.of("Tampere"), "languages", List.of("fi", "sv"),
                "description", "Tukea vauvaperheille"));
    }

    /** A family with distinctive personal data, registered by {@code agency}. */
    public UUID family(UUID agency, String givenName, String familyName, String identityCode, String birthDate) {
        return created(HttpMethod.POST, "/api/v1/families", worker(agency), Map.of("municipality", "Tampere",
                "languages", List.of("fi"), "members", List.of(
                        Map.of("role", "PARENT", "givenName", givenName, "familyName", familyName,
                                "birthDate", birthDate, "personalIdentityCode", identityCode),
                        Map.of("role", "CHILD", "givenName", "Vauva", "familyName", familyName,
                                "birthDate", "2026-01-15"))));
    }

    public UUID consent(UUID family, UUID byAgency, List<UUID> agencies, String validUntil) {
        return created(HttpMethod.POST, "/api/v1/families/" + family + "/consents", worker(byAgency), Map.of(
                "agencyIds", agencies, "purpose", "palveluohjaus", "givenBy", "Äiti itse", "validUntil", validUntil));
    }
}
