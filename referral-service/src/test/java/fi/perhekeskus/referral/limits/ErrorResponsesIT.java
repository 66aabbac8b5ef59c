package fi.perhekeskus.referral.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.serialization.StorableText;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is problem+json with our own words: bodies over 256 KiB (declared or streamed), what
 * Spring MVC refuses by itself, and what the security firewall refuses before any of it runs.
 */
@ReferralServiceIT
class ErrorResponsesIT {

    private static final int KIB = 1024;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    @Test
    void aBodyOver256KibIs413AndChangesNothing() throws Exception {
        UUID clinic = new Api(http).agency("Akaan neuvola", "Akaa");
        int before = events();
        String body = familyOf(300 * KIB);

        ResponseEntity<String> declared = http.exchange("/api/v1/families", HttpMethod.POST,
                new HttpEntity<>(body, headers(worker(clinic))), String.class);

        assertProblem(declared, 413);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aStreamedBodyWithoutContentLengthIsCountedAndStoppedAt256Kib() throws Exception {
        UUID clinic = new Api(http).agency("Valkeakosken neuvola", "Valkeakoski");
        int before = events();
        byte[] body = familyOf(300 * KIB).getBytes();

        // An input stream of unknown length: sent chunked, with no Content-Length to check up front.
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/families"))
                .header("Authorization", "Bearer " + worker(clinic))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        assertThat(streamed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(streamed.body()).doesNotContain("java.", "Exception");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBodyJustWithinTheLimitIsRead() throws Exception {
        UUID clinic = new Api(http).agency("Urjalan neuvola", "Urjala");
        // Within 256 KiB but over the languages bound: refused by validation, not by size.
        ResponseEntity<String> answer = http.exchange("/api/v1/families", HttpMethod.POST,
                new HttpEntity<>(familyOf(250 * KIB), headers(worker(clinic))), String.class);

        assertProblem(answer, 400);
        assertThat(answer.getBody()).contains("languages");
    }

    @Test
    void springsOwnRefusalsAreProblemsInOurWords() {
        // A registered agency's worker: an unregistered one is refused (403) before Spring MVC runs.
        String worker = worker(new Api(http).agency("Oriveden neuvola", "Orivesi"));
        assertProblem(http.exchange("/api/v1/referrals", HttpMethod.GET, new HttpEntity<>(headers(worker)),
                String.class), 400).contains("direction");
        HttpHeaders text = headers(worker);
        text.setContentType(MediaType.TEXT_PLAIN);
        assertProblem(http.exchange("/api/v1/families", HttpMethod.POST, new HttpEntity<>("hello", text),
                String.class), 415);
        assertProblem(http.exchange("/api/v1/agencies", HttpMethod.PATCH, new HttpEntity<>("{}", headers(Api.coordinator())),
                String.class), 405);
        assertProblem(http.exchange("/api/v1/no-such-thing", HttpMethod.GET, new HttpEntity<>(headers(worker)),
                String.class), 404);
        assertProblem(http.exchange("/api/v1/families", HttpMethod.POST, new HttpEntity<>("{\"members\": [", headers(worker)),
                String.class), 400);
        assertProblem(http.exchange("/api/v1/families", HttpMethod.POST, new HttpEntity<>("[1]", headers(worker)),
                String.class), 400);
        HttpHeaders xml = headers(worker);
        xml.setAccept(List.of(MediaType.APPLICATION_XML));
        ResponseEntity<String> notAcceptable = http.exchange("/api/v1/services", HttpMethod.GET, new HttpEntity<>(xml),
                String.class);
        assertThat(notAcceptable.getStatusCode().value()).isEqualTo(406);
        assertThat(String.valueOf(notAcceptable.getBody())).doesNotContain("java.", "Exception");
        ResponseEntity<String> forged = http.exchange("/api/v1/services", HttpMethod.GET,
                new HttpEntity<>(headers("eyJhbGciOiJIUzI1NiJ9.e30.AAAA")), String.class);
        assertProblem(forged, 401).doesNotContain("Jwt", "decode", "Malformed");
        assertProblem(http.exchange("/error", HttpMethod.GET, new HttpEntity<>(headers(worker)), String.class), 404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET //api/v1/services HTTP/1.1",
            "GET /api/v1//services HTTP/1.1",
            "GET /api/v1/%2e%2e/v1/services HTTP/1.1",
            "GET /api/v1/services/%2e%2e/services HTTP/1.1",
            "GET /api/v1/services;jsessionid=abc HTTP/1.1",
            "GET /api/v1/services%3Bx HTTP/1.1",
            "GET /api/v1/services%2F..%2Fagencies HTTP/1.1",
            "GET /api/v1/services%5C HTTP/1.1",
            "GET /api/v1/services%25 HTTP/1.1",
            "GET /api/v1/services\r\nX-Note: a\u007fb",
            "GET /api/v1/services?q\u0001=x HTTP/1.1"})
    void whatTheFirewallRefusesIsAProblemToo(String requestLine) throws Exception {
        String request = requestLine.contains(" HTTP/1.1") ? requestLine
                : requestLine.replaceFirst("\r\n", " HTTP/1.1\r\n");
        RawHttp.Response answer = RawHttp.send(port, request + "\r\nAuthorization: Bearer " + worker(UUID.randomUUID()));

        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).path("status").asInt()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("java.", "Exception", "Rejected");
    }

    /** U+0000 and unpaired surrogates are valid JSON escapes, but no store or topic of the platform can hold them. */
    @Test
    void textNoStoreCanHoldIsRefusedWithItsFieldNamedAndChangesNothing() throws Exception {
        UUID clinic = new Api(http).agency("Pälkäneen neuvola", "Pälkäne");
        int before = events();
        String family = "{\"municipality\":\"Pälkäne\",\"languages\":[\"fi\"],\"members\":[{\"role\":\"PARENT\","
                + "\"givenName\":\"Ii\\ud800\",\"familyName\":\"Perhe\",\"birthDate\":\"1990-01-01\"}]}";
        HttpHeaders english = headers(worker(clinic));
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        HttpHeaders finnish = headers(worker(clinic));
        finnish.set(HttpHeaders.ACCEPT_LANGUAGE, "fi");

        ResponseEntity<String> surrogate = http.exchange("/api/v1/families", HttpMethod.POST,
                new HttpEntity<>(family, english), String.class);
        ResponseEntity<String> nul = http.exchange("/api/v1/families", HttpMethod.POST,
                new HttpEntity<>(family.replace("Ii\\ud800", "Ii\\u0000"), finnish), String.class);

        assertProblem(surrogate, 400);
        assertThat(json.readTree(surrogate.getBody()).path("errors").get(0).path("field").asText())
                .isEqualTo("members[0].givenName");
        assertThat(json.readTree(surrogate.getBody()).path("errors").get(0).path("message").asText())
                .isEqualTo(StorableText.REFUSED);
        assertProblem(nul, 400);
        assertThat(json.readTree(nul.getBody()).path("errors").get(0).path("message").asText())
                .startsWith("sisältää merkin");
        assertThat(events()).isEqualTo(before);
        assertThat(http.exchange("/api/v1/families", HttpMethod.POST,
                new HttpEntity<>(family.replace("Ii\\ud800", "Ii\\ud83d\\ude00"), headers(worker(clinic))), String.class)
                .getStatusCode().value()).as("a surrogate pair is text like any other").isEqualTo(201);

        // The same rule for query parameters, before any handler reads them.
        HttpResponse<String> query = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/services?municipality=Tam%00pere"))
                .header("Authorization", "Bearer " + worker(clinic)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(query.statusCode()).as(query.body()).isEqualTo(400);
        assertThat(query.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(query.body()).path("errors").get(0).path("field").asText()).isEqualTo("municipality");
    }

    /** Spring negotiates the answer after the handler ran: a write must be refused before it, not after. */
    @Test
    void aWriteWhoseAnswerTheCallerCannotAcceptIs406AndChangesNothing() throws Exception {
        UUID clinic = new Api(http).agency("Valkeakosken neuvola", "Valkeakoski");
        String family = json.writeValueAsString(Map.of("municipality", "Valkeakoski", "languages", List.of("fi"),
                "members", List.of(Map.of("role", "PARENT", "givenName", "Iso", "familyName", "Perhe",
                        "birthDate", "1990-01-01"))));
        for (String accept : List.of("application/xml", "text/csv", "text/html", "///")) {
            int before = events();
            HttpHeaders headers = headers(worker(clinic));
            headers.set(HttpHeaders.ACCEPT, accept);

            ResponseEntity<String> answer = http.exchange("/api/v1/families", HttpMethod.POST,
                    new HttpEntity<>(family, headers), String.class);

            assertThat(answer.getStatusCode().value()).as("Accept: %s → %s", accept, answer.getBody()).isEqualTo(406);
            assertThat(events()).as("Accept: %s", accept).isEqualTo(before);
        }
        HttpHeaders headers = headers(worker(clinic));
        headers.set(HttpHeaders.ACCEPT, "application/xml;q=0.9, application/*;q=0.5");
        assertThat(http.exchange("/api/v1/families", HttpMethod.POST, new HttpEntity<>(family, headers), String.class)
                .getStatusCode().value()).as("a JSON answer the caller accepts among others").isEqualTo(201);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        return assertThat(answer.getBody()).contains("\"status\":" + status)
                .doesNotContain("java.", "Exception", "org.spring", "com.fasterxml");
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return headers;
    }

    /** A family body of about {@code bytes}, made long by its languages. */
    private String familyOf(int bytes) throws Exception {
        List<String> languages = java.util.Collections.nCopies(bytes / 8, "fi-FI");
        return json.writeValueAsString(Map.of("municipality", "Akaa", "languages", languages, "members", List.of(Map.of(
                "role", "PARENT", "givenName", "Iso", "familyName", "Perhe", "birthDate", "1990-01-01"))));
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }
}
