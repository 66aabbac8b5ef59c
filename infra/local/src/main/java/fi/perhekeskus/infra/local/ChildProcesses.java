package fi.perhekeskus.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes a launcher started, recorded in its data folder ({@code run/children}, one line
 * each: role, pid, start time) the moment each is started. The record is what outlives a killed
 * launcher: its {@link Watchdog} stops them, and the next start on the same data stops whatever is
 * still alive of them. A pid is trusted only together with its start time, so a recycled pid is
 * never touched.
 */
public final class ChildProcesses {

    /** The role of PostgreSQL's postmaster: it gets a fast shutdown (SIGINT) rather than SIGTERM. */
    public static final String POSTGRES = "postgres";

    public record Child(String role, long pid, long startMillis) {

        /** The live process this record names, if it is still the same process. */
        public Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(i -> i.toEpochMilli() == startMillis).orElse(false));
        }

        String line() {
            return role + " " + pid + " " + startMillis;
        }

        /** A line as {@link ChildProcesses} writes it; empty when it is torn or not such a line. */
        public static Optional<Child> parse(String line) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Child(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException torn) {
                return Optional.empty();
            }
        }
    }

    private final Path file;

    private ChildProcesses(Path file) {
        this.file = file;
    }

    public static ChildProcesses in(Path dataDir) {
        return new ChildProcesses(dataDir.resolve("run").resolve("children"));
    }

    public Path file() {
        return file;
    }

    /** Records a started process; false if it has already exited (it needs no stopping then). */
    public synchronized boolean record(String role, long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        Optional<Long> started = handle.flatMap(h -> h.info().startInstant()).map(i -> i.toEpochMilli());
        if (started.isEmpty()) {
            return false;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, new Child(role, pid, started.get()).line() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record child process in " + file, e);
        }
    }

    public List<Child> recorded() {
        return read(file);
    }

    /** The recorded processes that are still alive (the same processes, not recycled pids). */
    public List<Child> alive() {
        return recorded().stream().filter(c -> c.handle().isPresent()).toList();
    }

    /**
     * Stops what is left of an earlier run on this data and forgets the record. Returns what was
     * found alive.
     */
    public synchronized List<Child> stopLeftovers() {
        List<Child> alive = alive();
        stop(alive, Duration.ofSeconds(5));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return alive;
    }

    static List<Child> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Child> children = new ArrayList<>();
        try {
            // A line cut off by a kill while it was written is skipped: its process was never started.
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Child.parse(line).ifPresent(children::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return children;
    }

    /**
     * Asks each process to stop (PostgreSQL: fast shutdown, the others SIGTERM), waits up to
     * {@code grace}, then kills what is left and waits for it to be gone.
     */
    public static void stop(List<Child> children, Duration grace) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (Child child : children) {
            child.handle().ifPresent(handle -> {
                handles.add(handle);
                if (child.role().equals(POSTGRES)) {
                    signal(handle.pid(), "INT");
                } else {
                    handle.destroy();
                }
            });
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            pause(100);
        }
        handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        long killDeadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < killDeadline) {
            pause(50);
        }
    }

    /** A signal Java has no call for (ProcessHandle sends only TERM and KILL). */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
