package fi.perhekeskus.infra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * CPU time each process of the platform used during a phase (user + system, from
 * {@code /proc/<pid>/stat}), divided by the phase's work: what one command (or a thousand replayed
 * events) costs the machine, and where. On a machine whose cores are all busy this, not latency, says what a change saved.
 */
final class ProcessCpu {

    /** The kernel's clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** Each named part's CPU ticks so far: a process, several (PostgreSQL's backends), or some threads. */
    private final Map<String, LongSupplier> parts;

    ProcessCpu(Map<String, LongSupplier> parts) {
        this.parts = parts;
    }

    /** A part that is whole processes. */
    static LongSupplier processes(Supplier<long[]> pids) {
        return () -> {
            long sum = 0;
            for (long pid : pids.get()) {
                sum += ticksOf(pid);
            }
            return sum;
        };
    }

    Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        parts.forEach((name, part) -> ticks.put(name, part.getAsLong()));
        return ticks;
    }

    /**
     * Milliseconds of CPU per unit of work (a command, a thousand events) between two readings, per
     * part and in total, and how many cores were busy on average.
     */
    static Map<String, Object> perUnit(Map<String, Long> before, Map<String, Long> after, long units,
                                       double seconds) {
        Map<String, Object> result = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> group : after.entrySet()) {
            // A part made of threads loses the time of those that ended (an idle HTTP client's workers):
            // never below 0; the process's total keeps that time, under "other".
            long used = Math.max(0, group.getValue() - before.getOrDefault(group.getKey(), 0L));
            total += used;
            result.put(group.getKey(), Benchmark.round(used * 1000 / TICKS_PER_SECOND / units));
        }
        result.put("total", Benchmark.round(total * 1000 / TICKS_PER_SECOND / units));
        result.put("coresBusy", Benchmark.round(total / TICKS_PER_SECOND / seconds));
        return result;
    }

    /** utime + stime of a process, 0 once it has ended. */
    static long ticksOf(long pid) {
        return ticksIn(Path.of("/proc/" + pid + "/stat"));
    }

    /**
     * The threads of this JVM whose name starts with one of {@code prefixes}: the launcher runs the
     * load generator and the Mongo-protocol server side by side, and this tells them apart.
     */
    static long threadTicks(String... prefixes) {
        long sum = 0;
        try (var threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String name = threadName(thread);
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        sum += ticksIn(thread.resolve("stat"));
                        break;
                    }
                }
            }
        } catch (Exception e) {
            // a thread that ended while listed: its time is lost, as a process's is
        }
        return sum;
    }

    private static String threadName(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (Exception e) {
            return "";
        }
    }

    private static long ticksIn(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name in parentheses may hold spaces: count fields after its closing one.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return 0;
        }
    }
}
