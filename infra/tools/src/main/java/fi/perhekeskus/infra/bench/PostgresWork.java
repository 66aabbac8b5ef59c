package fi.perhekeskus.infra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a phase cost one PostgreSQL database, from its statistics views: transactions committed
 * and rows written, in all and per table, divided by the phase's commands. It tells how far the
 * raw single-row insert rate is from a ceiling of the write path: a command that commits n
 * transactions and writes m rows can at best reach that rate divided by about max(n, m).
 */
final class PostgresWork {

    private static final String TABLES = "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS written, "
            + "coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS scans FROM pg_stat_user_tables";
    private static final String DATABASE = "SELECT xact_commit, xact_rollback, tup_inserted + tup_updated "
            + "+ tup_deleted AS written FROM pg_stat_database WHERE datname = current_database()";

    private final String url;
    private final String user;

    PostgresWork(String url, String user) {
        this.url = url;
        this.user = user;
    }

    record Snapshot(long commits, long rollbacks, long written, Map<String, long[]> tables) {
    }

    /** Written by idle processors too (claims, heartbeats): never still, so not waited for. */
    private static final Set<String> HOUSEKEEPING = Set.of("tokenentry", "processor_instances", "scheduled_tasks");

    /**
     * The statistics once the work has stopped. A busy backend reports them at most once a second,
     * an idle one 10 s after its last transaction: unchanged for 11 s means all are in.
     */
    Snapshot settled() throws Exception {
        Snapshot last = snapshot();
        long stillSince = System.nanoTime();
        long deadline = stillSince + 40_000_000_000L;
        while (System.nanoTime() - stillSince < 11_000_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Snapshot next = snapshot();
            if (work(next) != work(last)) {
                stillSince = System.nanoTime();
            }
            last = next;
        }
        return last;
    }

    private static long work(Snapshot snapshot) {
        return snapshot.tables().entrySet().stream().filter(t -> !HOUSEKEEPING.contains(t.getKey()))
                .mapToLong(t -> t.getValue()[0]).sum();
    }

    Snapshot snapshot() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            // Inside one transaction the views are a frozen copy: clear it so each read is current.
            s.execute("SELECT pg_stat_clear_snapshot()");
            long commits;
            long rollbacks;
            long written;
            try (ResultSet r = s.executeQuery(DATABASE)) {
                r.next();
                commits = r.getLong(1);
                rollbacks = r.getLong(2);
                written = r.getLong(3);
            }
            Map<String, long[]> tables = new TreeMap<>();
            try (ResultSet r = s.executeQuery(TABLES)) {
                while (r.next()) {
                    tables.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
                }
            }
            return new Snapshot(commits, rollbacks, written, tables);
        }
    }

    /** Per command between two snapshots; the snapshots' own queries are a few commits, negligible. */
    static Map<String, Object> perCommand(Snapshot before, Snapshot after, long commands) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commands", commands);
        result.put("transactionsPerCommand", Benchmark.round((double) (after.commits() - before.commits()) / commands));
        result.put("rollbacksPerCommand", Benchmark.round((double) (after.rollbacks() - before.rollbacks()) / commands));
        result.put("rowsWrittenPerCommand", Benchmark.round((double) (after.written() - before.written()) / commands));
        Map<String, Object> tables = new LinkedHashMap<>();
        after.tables().forEach((table, counts) -> {
            long[] was = before.tables().getOrDefault(table, new long[2]);
            long written = counts[0] - was[0];
            long scans = counts[1] - was[1];
            if (written > 0 || scans > 0) {
                tables.put(table, "written " + Benchmark.round((double) written / commands) + ", scans "
                        + Benchmark.round((double) scans / commands));
            }
        });
        result.put("perTable", tables);
        return result;
    }
}
