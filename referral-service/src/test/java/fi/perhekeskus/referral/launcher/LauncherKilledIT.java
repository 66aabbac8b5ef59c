package fi.perhekeskus.referral.launcher;

import fi.perhekeskus.infra.local.ChildProcesses;
import fi.perhekeskus.infra.local.LocalPlatform;
import fi.perhekeskus.infra.local.LocalSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run}'s launcher as a real process with the infrastructure and referral-service (its
 * runnable jar from the package phase), killed with SIGKILL: within 10 s nothing it started is
 * alive — PostgreSQL's postmaster and backends, the broker, the service — and no port is held.
 */
class LauncherKilledIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path data;
    private Process launcher;

    @AfterEach
    void stop() throws Exception {
        if (launcher != null) {
            launcher.destroy();
            launcher.waitFor(60, TimeUnit.SECONDS);
        }
        ChildProcesses.in(data).stopLeftovers();
    }

    @Test
    void aKilledLauncherTakesPostgresTheBrokerAndTheServiceWithIt() throws Exception {
        assertThat(ROOT.resolve("referral-service/target/referral-service-exec.jar")).exists();
        int offset = freePortOffset();
        List<String> output = new CopyOnWriteArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-Dperhekeskus.root=" + ROOT, "-cp", System.getProperty("java.class.path"), LocalPlatform.class.getName(),
                "--data", data.toString(), "--port-offset", Integer.toString(offset), "--services", "referral-service")
                .redirectErrorStream(true);
        builder.environment().putAll(LocalSecrets.forTests().environment());
        launcher = builder.start();
        drain(launcher, output);
        await().atMost(Duration.ofMinutes(3)).until(() -> !launcher.isAlive()
                || output.stream().anyMatch(l -> l.startsWith("Perhekeskus platform is up")));
        assertThat(launcher.isAlive()).as(String.join("\n", output)).isTrue();

        List<ProcessHandle> started = new ArrayList<>();
        List<ChildProcesses.Child> recorded = ChildProcesses.in(data).recorded();
        assertThat(recorded).extracting(ChildProcesses.Child::role)
                .containsExactlyInAnyOrder(ChildProcesses.POSTGRES, "kafka-broker", "referral-service");
        for (ChildProcesses.Child child : recorded) {
            ProcessHandle process = child.handle().orElseThrow(() -> new AssertionError(child + " is not running"));
            started.add(process);
            process.children().forEach(started::add);
        }
        launcher.toHandle().children().forEach(started::add);

        launcher.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)).as("still alive").isEmpty();
            assertThat(LocalPlatform.Options.defaults(data).ports().stream().map(p -> p + offset).filter(p -> !free(p)))
                    .as("ports still held").isEmpty();
        });
    }

    private static void drain(Process process, List<String> output) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // the launcher is gone
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static int freePortOffset() {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = 1000 + random.nextInt(4700);
            if (LocalPlatform.Options.defaults(Path.of(".")).ports().stream().allMatch(p -> free(p + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
