package fi.perhekeskus.reporting;

import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.reporting.directory.AgencySummary;
import fi.perhekeskus.reporting.directory.DirectoryProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * referral-service runs as its own process and is killed with SIGKILL in the middle of a run of
 * commands, then started again: every command it acknowledged is stored, published and counted
 * once in the reporting projection. Size: -Dperhekeskus.fault.commands (default 300).
 */
@ReportingServiceIT
class ServiceCrashIT {

    private static final int COMMANDS = Integer.getInteger("perhekeskus.fault.commands", 300);
    private static final String TOKEN = LocalSecrets.forTests().tokens().coordinator("c");

    @Autowired
    DirectoryProjection directory;

    @Test
    void aKilledServiceLosesNoAcknowledgedCommand() throws Exception {
        int port = FreePorts.next();
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Process service = start(port);
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean killed = new AtomicBoolean();
        int sent = 0;
        while (acknowledged.size() < COMMANDS) {
            if (!killed.get() && acknowledged.size() >= COMMANDS / 2) {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                killed.set(true);
                service = start(port);
            }
            String name = run + "-" + sent++;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/agencies")).header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"organizerType\":\"NGO\","
                                + "\"organizerName\":\"MLL\",\"municipality\":\"Tampere\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledged.add(name);
                }
            } catch (java.io.IOException notUp) {
                Thread.sleep(200);
            }
        }
        try {
            await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(directory.agencies().stream()
                    .map(AgencySummary::name).filter(n -> n.startsWith(run + "-")).toList()).containsAll(acknowledged));
            long views = directory.agencies().stream().filter(a -> a.name().startsWith(run + "-")).count();
            System.out.printf("service crash: commands acknowledged %d (sent %d), applied in the directory projection %d, "
                    + "lost %d%n", acknowledged.size(), sent, views, acknowledged.stream()
                    .filter(n -> directory.agencies().stream().noneMatch(a -> a.name().equals(n))).count());
            assertThat(views).as("each agency once; a command cut off by the kill may have been stored unanswered")
                    .isBetween((long) acknowledged.size(), (long) sent);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(int port) throws Exception {
        Path jar = Path.of("..", "referral-service", "target", "referral-service-exec.jar").toAbsolutePath().normalize();
        assertThat(jar).exists();
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        File log = Files.createTempFile("referral-service-crash", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.datasource.url=" + infrastructure.jdbcUrl("referral"),
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.data.mongodb.uri=" + infrastructure.mongoUri("perhekeskus_referral"))
                .redirectErrorStream(true).redirectOutput(log);
        // The secrets go by environment, as ./run passes them.
        builder.environment().putAll(LocalSecrets.forTests().environment());
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return process;
    }
}
