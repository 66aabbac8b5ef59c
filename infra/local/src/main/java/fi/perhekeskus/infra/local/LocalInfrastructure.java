package fi.perhekeskus.infra.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The platform's real infrastructure on one machine, without Docker: a Kafka broker in its own JVM,
 * PostgreSQL (one database per service), the MongoDB wire-protocol server and a mail server
 * (SMTP and IMAP, {@link LocalMail}).
 */
public final class LocalInfrastructure implements AutoCloseable {

    public static final List<String> DATABASES = PlatformLayout.DATABASES;
    public static final String KAFKA_LIB_PROPERTY = "perhekeskus.kafka.lib";

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);
    private static LocalInfrastructure shared;

    private final Ports ports;
    private final Path dataDir;
    private final Path kafkaLib;
    private final ChildProcesses children;
    private KafkaBroker kafka;
    private LocalPostgres postgres;
    private final LocalMongo mongo;
    private LocalMail mail;

    /** The fixed ports of {@code ./run}; tests take free ones. */
    public record Ports(int kafka, int kafkaController, int postgres, int mongo, int smtp, int imap) {

        public static Ports defaults() {
            return PlatformLayout.DEFAULT.infrastructure();
        }

        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next());
        }
    }

    private LocalInfrastructure(Path dataDir, Ports ports, Path kafkaLib, ChildProcesses children) {
        this.dataDir = dataDir;
        this.ports = ports;
        this.kafkaLib = kafkaLib;
        this.children = children;
        long started = System.nanoTime();
        this.postgres = startPostgres();
        this.mongo = LocalMongo.start(dataDir.resolve("mongo"), ports.mongo());
        this.mail = LocalMail.start(ports.smtp(), ports.imap());
        this.kafka = startKafka();
        log.info("Local infrastructure up in {} ms: kafka {}, postgres {}, mongo {}, smtp {}, imap {}",
                (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers(), postgres.port(), mongo.port(),
                mail.smtpPort(), mail.imapPort());
    }

    public static LocalInfrastructure start(Path dataDir, Ports ports, Path kafkaLib) {
        return new LocalInfrastructure(dataDir, ports, kafkaLib, null);
    }

    /** As {@link #start(Path, Ports, Path)}, recording PostgreSQL and the broker in {@code children} as they start. */
    public static LocalInfrastructure start(Path dataDir, Ports ports, Path kafkaLib, ChildProcesses children) {
        return new LocalInfrastructure(dataDir, ports, kafkaLib, children);
    }

    private LocalPostgres startPostgres() {
        LocalPostgres started = LocalPostgres.start(dataDir.resolve("postgres"), ports.postgres(), DATABASES);
        if (children != null) {
            children.record(ChildProcesses.POSTGRES, started.pid());
        }
        return started;
    }

    private KafkaBroker startKafka() {
        KafkaBroker started = KafkaBroker.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController(), kafkaLib);
        if (children != null) {
            children.record("kafka-broker", started.pid());
        }
        return started;
    }

    /** One instance per JVM for integration tests: free ports, a fresh folder, stopped at exit. */
    public static synchronized LocalInfrastructure shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("perhekeskus-it-");
                shared = start(dir, Ports.free(), kafkaLibFromSystemProperty());
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-infrastructure-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public static Path kafkaLibFromSystemProperty() {
        String lib = System.getProperty(KAFKA_LIB_PROPERTY);
        if (lib == null || lib.isBlank()) {
            throw new IllegalStateException("system property " + KAFKA_LIB_PROPERTY
                    + " must name the broker's jar folder (infra/kafka-broker/target/lib)");
        }
        return Path.of(lib);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        postgres.createDatabaseIfMissing(database);
        return postgres.jdbcUrl(database);
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Kills the broker abruptly; {@link #restartKafka()} brings it back on the same port and data. */
    public void killKafka() {
        kafka.kill();
    }

    public void restartKafka() {
        kafka = startKafka();
    }

    /** The mail server: SMTP for the services, IMAP (login and password are the address) to read what they sent. */
    public LocalMail mail() {
        return mail;
    }

    /** Stops the mail server: the services' SMTP connections are refused until {@link #restartMail()}. */
    public void stopMail() {
        mail.close();
    }

    /** Starts the mail server again on the same ports, with empty mailboxes. */
    public void restartMail() {
        if (!mail.isRunning()) {
            mail = LocalMail.start(ports.smtp(), ports.imap());
        }
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    /** Kills PostgreSQL's postmaster with SIGKILL; {@link #restartPostgres()} starts it again on the same data. */
    public void killPostgres() {
        postgres.kill();
    }

    public void restartPostgres() {
        postgres = startPostgres();
    }

    public Ports ports() {
        return ports;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(mail);
        closeQuietly(mongo);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("stopping {} failed", closeable.getClass().getSimpleName(), e);
        }
    }
}
