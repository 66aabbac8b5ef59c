package fi.perhekeskus.infra.local;

import fi.perhekeskus.kafka.broker.BrokerMain;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM, bound to 127.0.0.1.
 * Its storage is formatted on the first start and kept in the data folder afterwards.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;

    private KafkaBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path libDir) {
        try {
            Path config = dataDir.resolve("config");
            Path logs = dataDir.resolve("kraft-logs");
            Files.createDirectories(config);
            Path properties = config.resolve("server.properties");
            Files.writeString(properties, serverProperties(port, controllerPort, logs));
            Path log4j = config.resolve("log4j2.properties");
            Files.writeString(log4j, log4jProperties(dataDir.resolve("broker.log")));
            String classpath = classpath(libDir);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(classpath, properties, log4j, dataDir);
            }
            // The client JIT and the serial collector, as the services: on a machine of two cores the
            // full JIT spent 40 % of the broker's CPU compiling through a benchmark run.
            Process process = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath,
                    BrokerMain.class.getName(), Long.toString(ProcessHandle.current().pid()), properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("broker.out").toFile())
                    .start();
            KafkaBroker broker = new KafkaBroker(process, port);
            broker.awaitReady();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker the hard way, as a crash or a pulled cable would (for fault tests). */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                            + "; see broker.out in its data folder");
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        throw new IllegalStateException("the Kafka broker did not start within " + START_TIMEOUT);
    }

    private static void format(String classpath, Path properties, Path log4j, Path dataDir) throws IOException {
        String clusterId = clusterId();
        Process format = new ProcessBuilder(java(), "-Xmx256m", "-Dlog4j2.configurationFile=" + log4j,
                "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", properties.toString(), "--standalone")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("format.out").toFile())
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see format.out in " + dataDir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
        log.info("Formatted Kafka storage (cluster {}) in {}", clusterId, dataDir);
    }

    /** Like Kafka's own: base64url of 16 random bytes, never starting with '-' (it would read as an option). */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        String id;
        do {
            byte[] uuid = new byte[16];
            random.nextBytes(uuid);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(uuid);
        } while (id.startsWith("-"));
        return id;
    }

    private static String serverProperties(int port, int controllerPort, Path logs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + logs,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=-1",
                "")
                ;
    }

    private static String log4jProperties(Path logFile) {
        return String.join("\n",
                "appender.file.type=File",
                "appender.file.name=file",
                "appender.file.fileName=" + logFile,
                "appender.file.layout.type=PatternLayout",
                "appender.file.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.file.ref=file",
                "logger.kafka.name=org.apache.kafka",
                "logger.kafka.level=WARN",
                "");
    }

    private static String classpath(Path libDir) {
        if (!Files.isDirectory(libDir)) {
            throw new IllegalStateException("no Kafka broker jars in " + libDir
                    + "; build the project first (mvn -DskipTests install) or set perhekeskus.kafka.lib");
        }
        List<String> entries = new ArrayList<>();
        entries.add(libDir.toAbsolutePath() + File.separator + "*");
        entries.add(launcherLocation());
        return String.join(File.pathSeparator, entries);
    }

    private static String launcherLocation() {
        try {
            return Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
