package fi.perhekeskus.infra.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher as a real process ({@code java ... LocalPlatform}, infrastructure only): it refuses
 * ports it did not take, and what it started does not outlive it, even when both it and its
 * watchdog are killed with SIGKILL (the next start stops the leftovers it recorded).
 */
class LauncherOwnsItsProcessesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path data;

    private final List<LauncherProcess> launchers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (LauncherProcess launcher : launchers) {
            launcher.process.destroy();
            launcher.process.waitFor(60, TimeUnit.SECONDS);
        }
        // Whatever a test left behind on purpose is not left to the machine.
        ChildProcesses.in(data).stopLeftovers();
    }

    @Test
    void refusesToStartOnAPortHeldByAnotherProcessNamingThePortAndThePid() throws Exception {
        int offset = LauncherProcess.freePortOffset();
        int postgresPort = 5432 + offset;
        try (ServerSocket foreign = new ServerSocket(postgresPort, 1, InetAddress.getLoopbackAddress())) {
            LauncherProcess launcher = start(offset, "--infrastructure-only");

            assertThat(launcher.process.waitFor(60, TimeUnit.SECONDS)).as("the launcher gives up at once").isTrue();
            assertThat(launcher.process.exitValue()).isEqualTo(LocalPlatform.REFUSED);
            assertThat(launcher.output()).contains("port " + postgresPort + " is held by pid " + ProcessHandle.current().pid());
            assertThat(ChildProcesses.in(data).recorded()).as("nothing started").isEmpty();
        }
    }

    @Test
    void refusesADataFolderInUseByAnotherLauncher() throws Exception {
        LauncherProcess first = start(LauncherProcess.freePortOffset(), "--infrastructure-only");
        await().atMost(Duration.ofMinutes(2)).until(() -> first.isUp() || !first.process.isAlive());
        assertThat(first.isUp()).as(first.output()).isTrue();

        LauncherProcess second = start(LauncherProcess.freePortOffset(), "--infrastructure-only");

        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process.exitValue()).isEqualTo(LocalPlatform.REFUSED);
        assertThat(second.output()).contains("another launcher (pid " + first.process.pid() + ") uses the data in " + data);
        assertThat(first.process.isAlive()).isTrue();
    }

    @Test
    void aLauncherKilledWithSigkillLeavesNoProcessAndNoPortBehind() throws Exception {
        int offset = LauncherProcess.freePortOffset();
        LauncherProcess launcher = start(offset, "--infrastructure-only");
        await().atMost(Duration.ofMinutes(2)).until(() -> launcher.isUp() || !launcher.process.isAlive());
        assertThat(launcher.isUp()).as(launcher.output()).isTrue();
        List<ProcessHandle> started = startedBy(launcher);

        launcher.process.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)).isEmpty();
            assertThat(LocalPlatform.Options.defaults(data).ports().stream().map(p -> p + offset)
                    .filter(p -> !LauncherProcess.free(p))).isEmpty();
        });
    }

    @Test
    void theNextStartStopsWhatAKilledLauncherAndItsWatchdogLeftRunning() throws Exception {
        int offset = LauncherProcess.freePortOffset();
        LauncherProcess launcher = start(offset, "--infrastructure-only");
        await().atMost(Duration.ofMinutes(2)).until(() -> launcher.isUp() || !launcher.process.isAlive());
        assertThat(launcher.isUp()).as(launcher.output()).isTrue();
        List<ChildProcesses.Child> recorded = ChildProcesses.in(data).recorded();
        ProcessHandle watchdog = launcher.process.toHandle().children()
                .filter(p -> commandLine(p).contains(Watchdog.class.getName()))
                .findFirst().orElseThrow();

        watchdog.destroyForcibly();
        launcher.process.destroyForcibly();
        launcher.process.waitFor();
        assertThat(recorded.stream().filter(c -> c.handle().isPresent()).map(ChildProcesses.Child::role))
                .as("left running with nobody to stop them").contains(ChildProcesses.POSTGRES);

        LauncherProcess next = start(offset, "--infrastructure-only");
        await().atMost(Duration.ofMinutes(2)).until(() -> next.isUp() || !next.process.isAlive());

        assertThat(next.isUp()).as(next.output()).isTrue();
        assertThat(next.output()).contains("stopped postgres (pid " + recorded.stream()
                .filter(c -> c.role().equals(ChildProcesses.POSTGRES)).findFirst().orElseThrow().pid() + ")");
        assertThat(recorded.stream().filter(c -> c.handle().isPresent())).isEmpty();
    }

    /** Every process the launcher recorded, with PostgreSQL's backends, all alive now. */
    private List<ProcessHandle> startedBy(LauncherProcess launcher) {
        List<ProcessHandle> started = new ArrayList<>();
        for (ChildProcesses.Child child : ChildProcesses.in(data).recorded()) {
            ProcessHandle handle = child.handle().orElseThrow(() -> new AssertionError(child + " is not running"));
            started.add(handle);
            handle.children().forEach(started::add);
        }
        assertThat(ChildProcesses.in(data).recorded()).extracting(ChildProcesses.Child::role)
                .contains(ChildProcesses.POSTGRES, "kafka-broker");
        launcher.process.toHandle().children().forEach(started::add);
        return started;
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline"));
        } catch (IOException gone) {
            return "";
        }
    }

    private LauncherProcess start(int offset, String... options) throws Exception {
        LauncherProcess launcher = LauncherProcess.start(ROOT, data, offset, options);
        launchers.add(launcher);
        return launcher;
    }
}
