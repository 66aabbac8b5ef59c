package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.referral.support.ServiceJar;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runnable jar serves FHIR: the libraries left out of it (RDF, XSLT, ICU) are not needed to
 * build and write a Task, a ServiceRequest and a Bundle. The test classpath has more than the jar,
 * so only the jar itself can show this.
 */
class FhirServiceJarIT {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LocalSecrets secrets = LocalSecrets.forTests();
    private final LocalTokens tokens = secrets.tokens();
    private int port;

    @Test
    void theRunnableJarAnswersValidFhir() throws Exception {
        port = FreePorts.next();
        Path log = Files.createTempFile("referral-service-fhir", ".log");
        Process service = ServiceJar.start(port, "referral_fhir", Map.of(
                "PERHEKESKUS_JWT_SECRET", secrets.jwtSecret(),
                "PERHEKESKUS_PRIVACY_MASTER_KEY", secrets.masterKey()), log);
        try {
            awaitUp(service, log);
            String coordinator = tokens.coordinator("c");
            UUID clinic = id(post("/api/v1/agencies", coordinator, """
                    {"name":"Tesoman neuvola","organizerType":"MUNICIPALITY","organizerName":"Tampere","municipality":"Tampere"}"""));
            UUID counselling = id(post("/api/v1/agencies", coordinator, """
                    {"name":"Tesoman perheneuvola","organizerType":"MUNICIPALITY","organizerName":"Tampere","municipality":"Tampere"}"""));
            UUID serviceId = id(post("/api/v1/services", coordinator, """
                    {"agencyId":"%s","name":"Perheneuvonta","kind":"INDIVIDUAL","needLevel":"YELLOW","ageFromMonths":0,
                     "ageToMonths":12,"municipalities":["Tampere"],"languages":["fi"],"description":"Tukea"}"""
                    .formatted(counselling)));
            String sender = tokens.worker("w1", clinic);
            UUID family = id(post("/api/v1/families", sender, """
                    {"municipality":"Tampere","languages":["fi"],"members":[{"role":"PARENT","givenName":"Aino",
                     "familyName":"Jarvinen","birthDate":"1992-05-15"}]}"""));
            post("/api/v1/families/" + family + "/consents", sender, """
                    {"agencyIds":["%s"],"purpose":"palveluohjaus","givenBy":"Äiti","validUntil":"%s"}"""
                    .formatted(counselling, LocalDate.now().plusYears(1)));
            UUID referral = id(post("/api/v1/referrals", sender, """
                    {"familyId":"%s","serviceId":"%s","reason":"Tuen tarve","needLevel":"YELLOW","priority":"URGENT"}"""
                    .formatted(family, serviceId)));
            String receiver = tokens.worker("w2", counselling);

            assertThat(R4Validator.valid(fhir("/fhir/Task/" + referral, sender), Task.class).getStatus())
                    .isEqualTo(Task.TaskStatus.REQUESTED);
            assertThat(R4Validator.valid(fhir("/fhir/ServiceRequest/" + referral, receiver), ServiceRequest.class)
                    .getCode().getText()).isEqualTo("Perheneuvonta");
            assertThat(R4Validator.valid(fhir("/fhir/Task?owner=Organization/" + counselling, receiver), Bundle.class)
                    .getEntry()).hasSize(1);
            assertThat(Files.readString(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private String post(String path, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(201);
        return response.body();
    }

    private String fhir(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
        return response.body();
    }

    private static UUID id(String body) {
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitUp(Process service, Path log) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!service.isAlive()) {
                throw new IllegalStateException("referral-service exited: " + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
