package fi.perhekeskus.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A small process beside the launcher that outlives it: when the launcher is gone (killed with
 * SIGKILL, say, when no shutdown hook runs), it stops every process the launcher recorded in
 * {@link ChildProcesses} — the services, the broker and PostgreSQL, whose postmaster runs in a
 * session of its own and would otherwise keep its port and data. It loads nothing but the JDK.
 *
 * <p>Usage: {@code Watchdog <launcher pid> <launcher start millis> <children file>}.
 */
public final class Watchdog {

    private static final Duration POLL = Duration.ofMillis(250);
    /** A stop must finish well within 10 s of the launcher's death: grace, then SIGKILL. */
    private static final Duration GRACE = Duration.ofSeconds(4);

    private Watchdog() {
    }

    public static void main(String[] args) throws InterruptedException {
        long parentPid = Long.parseLong(args[0]);
        long parentStart = Long.parseLong(args[1]);
        Path children = Path.of(args[2]);
        ignoreInterrupt();
        Optional<ProcessHandle> parent = new ChildProcesses.Child("launcher", parentPid, parentStart).handle();
        while (parent.isPresent() && parent.get().isAlive()) {
            Thread.sleep(POLL.toMillis());
        }
        // The launcher's own shutdown stops them first when it can; what is still alive is left over.
        ChildProcesses.stop(ChildProcesses.read(children), GRACE);
    }

    /**
     * Ctrl-C in a terminal reaches the whole process group: the launcher stops its children itself
     * then, and the watchdog stays until that is done (or the launcher dies trying).
     */
    @SuppressWarnings("sunapi")
    private static void ignoreInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError unavailable) {
            // no signal handling on this JVM: a Ctrl-C ends the watchdog with the launcher
        }
    }
}
