package fi.perhekeskus.system;

import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.local.PlatformLayout;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.privacy.JdbcFamilySealer;
import fi.perhekeskus.privacy.AesGcm;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A service's runnable jar as a process of its own, as {@code ./run} starts it: on the test JVM's
 * local infrastructure, on a free port, in its own event-store and read-model databases
 * ({@link PlatformLayout}), with the JVM's test secrets by environment (never on the command line).
 * Started once per service and JVM, stopped at exit; the test reaches it as a client would: over
 * HTTP, and through its databases where a test checks what was stored.
 */
public final class RunningService {

    private static final Map<String, RunningService> RUNNING = new HashMap<>();

    private final PlatformLayout.Service service;
    private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();
    private final Process process;
    private final Path log;
    private final TestRestTemplate http;

    private RunningService(PlatformLayout.Service layout) {
        int port = FreePorts.next();
        this.service = new PlatformLayout.Service(layout.name(), port, layout.database(), layout.readDatabase());
        Path jar = root().resolve(service.name()).resolve("target").resolve(service.name() + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: it is built by the service's package phase");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                // Every event the service emits is checked against its JSON Schema, as in the services' own tests.
                "-Dperhekeskus.contract.verify-events=true",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.data.mongodb.uri=" + infrastructure.mongoUri(service.readDatabase())));
        service.eventStore().ifPresent(database -> {
            command.add("--spring.datasource.url=" + infrastructure.jdbcUrl(database));
            command.add("--spring.datasource.username=" + LocalPostgres.USER);
        });
        try {
            log = Files.createTempFile(service.name() + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("PERHEKESKUS_"));
            builder.environment().putAll(LocalSecrets.forTests().environment());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, service.name() + "-stop"));
        awaitHealthy();
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri(service.url()));
    }

    public static synchronized RunningService referral() {
        return RUNNING.computeIfAbsent(PlatformLayout.REFERRAL, name -> new RunningService(PlatformLayout.DEFAULT.referral()));
    }

    /** A second referral-service on its own port, on the first one's event store and read database. */
    public static synchronized RunningService secondReferral() {
        referral();
        return RUNNING.computeIfAbsent(PlatformLayout.REFERRAL + "-b", name -> new RunningService(PlatformLayout.DEFAULT.referral()));
    }

    public static synchronized RunningService meeting() {
        return RUNNING.computeIfAbsent(PlatformLayout.MEETING, name -> new RunningService(PlatformLayout.DEFAULT.meeting()));
    }

    /** Where the service listens, for another service's configuration. */
    public String url() {
        return service.url();
    }

    public TestRestTemplate http() {
        return http;
    }

    /** The service's event store, read directly in PostgreSQL. */
    public JdbcTemplate eventStore() {
        String database = service.eventStore().orElseThrow(() -> new IllegalStateException(service.name() + " has no event store"));
        return new JdbcTemplate(new DriverManagerDataSource(infrastructure.jdbcUrl(database), LocalPostgres.USER, ""));
    }

    /** The family keys as the service holds them: its database and the master key it was given. */
    public FamilySealer sealer() {
        byte[] masterKey = Base64.getDecoder().decode(LocalSecrets.forTests().masterKey().trim());
        return new JdbcFamilySealer(eventStore(), AesGcm.key(masterKey));
    }

    /** All the service has logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create(service.url() + "/actuator/health");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptionsMatching(e -> e instanceof IOException)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(service.name() + " exited with " + process.exitValue() + ":\n" + log());
                    }
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("\"UP\"");
                });
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path root() {
        String root = System.getProperty("perhekeskus.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property perhekeskus.root must name the repository (set by the build)");
        }
        return Path.of(root);
    }
}
