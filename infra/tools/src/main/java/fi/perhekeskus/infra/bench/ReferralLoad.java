package fi.perhekeskus.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.security.LocalTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The referral load of {@code ./run bench} and {@code ./run chaos} over HTTP: one receiving agency
 * with a service, sending agencies with a family each, and the make + receive + accept of a
 * referral. {@link #post} answers anything; the caller decides what a status means.
 */
final class ReferralLoad {

    record Setup(UUID receiver, UUID service, List<UUID> senders, List<UUID> families) {
    }

    record Answer(int status, Map<String, Object> body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final LocalTokens tokens;
    private final String referralBase;

    ReferralLoad(HttpClient http, ObjectMapper json, LocalTokens tokens, int referralPort) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
        this.referralBase = "http://127.0.0.1:" + referralPort;
    }

    String url(String path) {
        return referralBase + path;
    }

    /** Registers 1 receiving agency, a service and {@code senders} sending agencies with a family each. */
    Setup setup(int senders) throws Exception {
        String coordinator = tokens.coordinator("bench");
        UUID receiver = id(ok(url("/api/v1/agencies"), coordinator, Map.of("name", "Vastaanottaja",
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirha", "municipality", "Tampere")));
        UUID service = id(ok(url("/api/v1/services"), coordinator, Map.of("agencyId", receiver,
                "name", "Perheneuvonta", "kind", "INDIVIDUAL", "needLevel", "YELLOW", "ageFromMonths", 0,
                "ageToMonths", 216, "municipalities", List.of("Tampere"), "languages", List.of("fi"))));
        List<UUID> agencies = new ArrayList<>();
        List<UUID> families = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            UUID sender = id(ok(url("/api/v1/agencies"), coordinator, Map.of("name", "Neuvola " + i,
                    "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirha", "municipality", "Tampere")));
            String worker = tokens.worker("nurse-" + i, sender);
            UUID family = id(ok(url("/api/v1/families"), worker, family("Perhe" + i)));
            ok(url("/api/v1/families/" + family + "/consents"), worker, consent(receiver));
            agencies.add(sender);
            families.add(family);
        }
        return new Setup(receiver, service, agencies, families);
    }

    static Map<String, Object> family(String familyName) {
        return Map.of("municipality", "Tampere", "languages", List.of("fi"), "members", List.of(Map.of(
                "role", "PARENT", "givenName", "Testi", "familyName", familyName, "birthDate", "1990-01-01")));
    }

    static Map<String, Object> consent(UUID receiver) {
        return Map.of("agencyIds", List.of(receiver), "purpose", "palveluohjaus", "givenBy", "huoltaja",
                "validUntil", LocalDate.now().plusYears(1).toString());
    }

    static Map<String, Object> referral(UUID family, UUID service) {
        return Map.of("familyId", family, "serviceId", service, "reason", "tuen tarve", "needLevel", "YELLOW",
                "priority", "ROUTINE");
    }

    /** A POST that must succeed. */
    Map<String, Object> ok(String url, String token, Object body) throws Exception {
        Answer answer = post(url, token, body, null);
        if (!answer.ok()) {
            throw new IllegalStateException(url + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }

    Answer post(String url, String token, Object body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer get(String url, String token) throws IOException, InterruptedException {
        return answer(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Waits until every streaming processor of the service on {@code port} is at the head of its
     * source (its lag gauge reads 0 three times in a row, a second apart).
     */
    void awaitCaughtUp(int port, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int zeroInARow = 0;
        while (zeroInARow < 3) {
            double behind = -1;
            try {
                Answer metric = get("http://127.0.0.1:" + port + "/actuator/metrics/perhekeskus.processor.lag",
                        tokens.coordinator("bench"));
                behind = ((Number) ((Map<?, ?>) ((List<?>) metric.body().get("measurements")).get(0)).get("value"))
                        .doubleValue();
            } catch (IOException | RuntimeException notYet) {
                // restarting, or no measurement yet
            }
            zeroInARow = behind == 0 ? zeroInARow + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processors on port " + port + " still " + behind + " events behind");
            }
            Thread.sleep(1000);
        }
    }

    @SuppressWarnings("unchecked")
    private Answer answer(HttpResponse<String> response) {
        Map<String, Object> body = Map.of();
        String text = response.body();
        if (text != null && text.trim().startsWith("{")) {
            try {
                body = json.readValue(text, Map.class);
            } catch (IOException notJson) {
                // kept as text
            }
        }
        return new Answer(response.statusCode(), body, text);
    }

    static UUID id(Map<String, Object> body) {
        return UUID.fromString((String) body.get("id"));
    }
}
