package fi.perhekeskus.infra.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A real PostgreSQL server from Maven Central binaries, one database per service. */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static LocalPostgres start(Path dataDir, int port, List<String> databases) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    // The embedded default turns synchronous commit off; a crash must not lose acknowledged commands.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            LocalPostgres local = new LocalPostgres(postgres, dataDir);
            databases.forEach(local::createDatabaseIfMissing);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * The postmaster's pid, from its own {@code postmaster.pid}: pg_ctl starts it in a session of
     * its own, so it is no child of this JVM and does not die with it.
     */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the postmaster's pid in " + dataDir, e);
        }
    }

    /**
     * Kills the postmaster with SIGKILL, as a crash would, and waits until its backends (which
     * notice their postmaster's death) are gone too, so that a restart finds the data free.
     */
    public void kill() {
        ProcessHandle postmaster = ProcessHandle.of(pid()).orElse(null);
        if (postmaster == null) {
            return;
        }
        java.util.List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while ((postmaster.isAlive() || backends.stream().anyMatch(ProcessHandle::isAlive)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // Releases the data folder's lock; pg_ctl stop finds nothing to stop.
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // the server is gone already, which is the point
        }
    }

    /** Tests that need a service's store of their own (a second context) name a database of their own. */
    public synchronized void createDatabaseIfMissing(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
