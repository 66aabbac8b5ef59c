package fi.perhekeskus.infra.bench;

import fi.perhekeskus.infra.local.ChildProcesses;
import fi.perhekeskus.infra.local.LocalPlatform;
import fi.perhekeskus.infra.local.LocalSecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The throw-away data folder of a measuring run ({@code ./run bench}, {@code ./run chaos}): never
 * the installation's {@code .data/}, and deleted when the run ends, also on Ctrl-C or SIGTERM (a
 * shutdown hook stops the platform first). A folder whose run was killed outright (no hook runs
 * then) carries its owner's pid and is deleted by the next run once that owner is gone.
 */
final class TemporaryPlatformData implements AutoCloseable {

    private static final String OWNER = "owner";

    private final Path dir;
    private final AtomicReference<LocalPlatform.Running> platform = new AtomicReference<>();
    private final Thread hook;

    private TemporaryPlatformData(Path dir) {
        this.dir = dir;
        this.hook = new Thread(this::close, "temporary-data-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * A fresh folder named {@code prefix...} in the temp folder; refuses while {@code ./run} is up
     * on the installation (the ports are the same), deletes folders left by killed runs.
     */
    static TemporaryPlatformData create(String prefix, String command) throws IOException {
        LocalPlatform.runningLauncher(LocalSecrets.dataDirectory()).ifPresent(pid -> {
            System.err.println(command + " refuses to start: ./run (pid " + pid + ") is up on "
                    + LocalSecrets.dataDirectory() + "; stop it first (they use the same ports)");
            System.exit(2);
        });
        deleteAbandoned(prefix);
        Path dir = Files.createTempDirectory(prefix);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve(OWNER), "run " + self.pid() + " "
                + self.info().startInstant().orElseThrow().toEpochMilli() + "\n");
        return new TemporaryPlatformData(dir);
    }

    Path dir() {
        return dir;
    }

    /** The platform to stop before the folder is deleted. */
    void running(LocalPlatform.Running running) {
        platform.set(running);
    }

    @Override
    public void close() {
        LocalPlatform.Running running = platform.getAndSet(null);
        if (running != null) {
            running.close();
        }
        // A start cut short leaves children recorded but no platform to close.
        ChildProcesses.in(dir).stopLeftovers();
        delete(dir);
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway, and finds nothing left
            }
        }
    }

    private static void deleteAbandoned(String prefix) throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(temp, prefix + "*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve(OWNER);
                if (!Files.isRegularFile(owner) || !Files.isReadable(owner)) {
                    continue;
                }
                boolean ownerAlive = ChildProcesses.Child.parse(Files.readString(owner))
                        .map(c -> c.handle().isPresent()).orElse(true);
                if (!ownerAlive) {
                    ChildProcesses.in(dir).stopLeftovers();
                    delete(dir);
                    System.out.println("Deleted " + dir + ", left by a run that was killed");
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete all of " + dir + ": " + e.getMessage());
        }
    }
}
