package fi.perhekeskus.referral.support;

import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * referral-service's runnable jar (built by the package phase) as a process of its own, as
 * {@code ./run} starts it, on the test JVM's local infrastructure, in a database of its own. Only
 * the environment variables given are passed: every PERHEKESKUS_ variable of the test JVM is
 * removed first, so the process sees exactly what the test means it to see.
 */
public final class ServiceJar {

    public static final Path JAR = Path.of("target", "referral-service-exec.jar").toAbsolutePath();

    private ServiceJar() {
    }

    public static Process start(int port, String database, Map<String, String> environment, Path log) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: it is built by the package phase");
        }
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        createDatabase(infrastructure, database);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Daxoniq.update-checker.disabled=true",
                "-jar", JAR.toString(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.data.mongodb.uri=" + infrastructure.mongoUri("perhekeskus_" + database))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PERHEKESKUS_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void createDatabase(LocalInfrastructure infrastructure, String database) {
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl("postgres"), LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '"
                    + database.replace("'", "") + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** The command line is never where a secret goes: it is visible to every user of the machine. */
    public static List<String> arguments(Process process) {
        return process.info().arguments().map(List::of).orElse(List.of());
    }
}
