package fi.perhekeskus.referral.security;

import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.referral.support.ServiceJar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as {@code ./run} starts it, a process of its own, configured by the documented
 * environment variables alone (no property on its command line): a token signed with
 * PERHEKESKUS_JWT_SECRET is accepted and one signed with any other secret, the one once written
 * in the source included, is 401. Without the secret or the master key it does not start, and
 * says which variable to set.
 */
class SecretFromEnvironmentIT {

    /** The constant the services used to fall back to; it must open nothing. */
    private static final String OLD_SOURCE_SECRET = "perhekeskus-local-development-secret-0123456789";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theSecretIsTakenFromTheEnvironmentVariableAndNoOtherSecretOpensAnything() throws Exception {
        LocalSecrets secrets = LocalSecrets.random();
        int port = FreePorts.next();
        Path log = Files.createTempFile("referral-service-env", ".log");
        Process service = ServiceJar.start(port, "referral_env", Map.of(
                "PERHEKESKUS_JWT_SECRET", secrets.jwtSecret(),
                "PERHEKESKUS_PRIVACY_MASTER_KEY", secrets.masterKey()), log);
        try {
            awaitUp(port, service, log);
            assertThat(String.join(" ", ServiceJar.arguments(service))).doesNotContain("perhekeskus.security",
                    "perhekeskus.privacy", secrets.jwtSecret());

            HttpResponse<String> accepted = directory(port, secrets.tokens().worker("w", null));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(directory(port, secrets.tokens().coordinator("c")).statusCode()).isEqualTo(200);

            for (String other : new String[] {OLD_SOURCE_SECRET, LocalSecrets.random().jwtSecret(),
                    LocalSecrets.forTests().jwtSecret()}) {
                HttpResponse<String> refused = directory(port, new LocalTokens(other).coordinator("c"));
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).contains("\"status\":401", "\"title\"", "\"detail\"");
            }
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutTheSecretTheServiceRefusesToStartAndNamesTheVariable() throws Exception {
        String output = failedStart(Map.of("PERHEKESKUS_PRIVACY_MASTER_KEY", LocalSecrets.random().masterKey()));

        assertThat(output).contains("PERHEKESKUS_JWT_SECRET", "APPLICATION FAILED TO START");
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedByName() throws Exception {
        String output = failedStart(Map.of("PERHEKESKUS_JWT_SECRET", "too-short-a-secret",
                "PERHEKESKUS_PRIVACY_MASTER_KEY", LocalSecrets.random().masterKey()));

        assertThat(output).contains("PERHEKESKUS_JWT_SECRET", "at least 32 bytes");
    }

    @Test
    void withoutTheMasterKeyTheServiceRefusesToStartAndNamesTheVariable() throws Exception {
        String output = failedStart(Map.of("PERHEKESKUS_JWT_SECRET", LocalSecrets.random().jwtSecret()));

        assertThat(output).contains("PERHEKESKUS_PRIVACY_MASTER_KEY", "APPLICATION FAILED TO START");
    }

    @Test
    void aMasterKeyOfTheWrongLengthIsRefusedByName() throws Exception {
        String output = failedStart(Map.of("PERHEKESKUS_JWT_SECRET", LocalSecrets.random().jwtSecret(),
                "PERHEKESKUS_PRIVACY_MASTER_KEY", "c2hvcnQta2V5"));

        assertThat(output).contains("PERHEKESKUS_PRIVACY_MASTER_KEY", "exactly 32 bytes");
    }

    /** Starts the service, expects it to exit by itself with a non-zero status, returns what it printed. */
    private String failedStart(Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile("referral-service-refused", ".log");
        Process service = ServiceJar.start(FreePorts.next(), "referral_env", environment, log);
        try {
            assertThat(service.waitFor(120, TimeUnit.SECONDS)).as("the service should exit by itself").isTrue();
            assertThat(service.exitValue()).isNotZero();
            return Files.readString(log);
        } finally {
            service.destroyForcibly();
        }
    }

    private void awaitUp(int port, Process service, Path log) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!service.isAlive()) {
                throw new IllegalStateException("referral-service exited: " + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private HttpResponse<String> directory(int port, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/services"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
