package fi.perhekeskus.infra.local;

import fi.perhekeskus.infra.security.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The launcher behind {@code ./run}: starts the local infrastructure in this JVM, then the three
 * services as separate processes, waits until each reports healthy, prints the URLs and stops
 * everything on Ctrl-C. Also mints local tokens ({@code ./run token}).
 */
public final class LocalPlatform {

    private record ServiceSpec(String name, int port, String database) {
    }

    private static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("referral-service", 8081, "referral"),
            new ServiceSpec("meeting-service", 8082, "meeting"),
            new ServiceSpec("reporting-service", 8083, null));

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("token")) {
            System.out.println(token(arguments.subList(1, arguments.size())));
            return;
        }
        if (!arguments.isEmpty() && arguments.get(0).equals("demo")) {
            DemoData.main(arguments.subList(1, arguments.size()).toArray(String[]::new));
            return;
        }
        if (!arguments.isEmpty() && arguments.get(0).equals("bench")) {
            fi.perhekeskus.infra.bench.Benchmark.main(arguments.subList(1, arguments.size()).toArray(String[]::new));
            return;
        }
        if (!arguments.isEmpty() && arguments.get(0).equals("rebuild")) {
            RebuildCommand.main(arguments.subList(1, arguments.size()).toArray(String[]::new));
            return;
        }
        Path root = Path.of(System.getProperty("perhekeskus.root", ".")).toAbsolutePath().normalize();
        Path dataDir = LocalSecrets.dataDirectory();
        if (arguments.contains("--wipe")) {
            wipe(dataDir);
        }
        run(root, dataDir);
    }

    /**
     * The running platform: its infrastructure, the secrets its services were given and their
     * processes; closing stops them all.
     */
    public record Running(LocalInfrastructure infrastructure, LocalSecrets secrets, List<Process> processes,
                          long startMillis) implements AutoCloseable {

        @Override
        public void close() {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            infrastructure.close();
        }
    }

    /**
     * Starts the infrastructure and the three services and waits until each is healthy. The
     * services get the installation's secrets of {@code dataDir} ({@link LocalSecrets}).
     */
    public static Running start(Path root, Path dataDir) throws Exception {
        long started = System.nanoTime();
        LocalSecrets secrets = LocalSecrets.ofInstallation(dataDir);
        LocalInfrastructure infrastructure = LocalInfrastructure.start(dataDir, LocalInfrastructure.Ports.defaults(),
                root.resolve("infra/kafka-broker/target/lib"));
        List<Process> processes = new ArrayList<>();
        Files.createDirectories(dataDir.resolve("logs"));
        for (ServiceSpec service : SERVICES) {
            processes.add(startService(root, dataDir, infrastructure, secrets, service));
        }
        Running running = new Running(infrastructure, secrets, processes, 0);
        try {
            for (ServiceSpec service : SERVICES) {
                awaitHealthy(service, processes.get(SERVICES.indexOf(service)));
            }
        } catch (Exception e) {
            running.close();
            throw e;
        }
        return new Running(infrastructure, secrets, processes, (System.nanoTime() - started) / 1_000_000);
    }

    private static void run(Path root, Path dataDir) throws Exception {
        Running running = start(root, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the platform...");
            running.close();
        }, "platform-stop"));
        System.out.printf(Locale.ROOT, "%nPerhekeskus platform is up in %.1f s (logs in %s)%n",
                running.startMillis() / 1000.0, dataDir.resolve("logs"));
        for (ServiceSpec service : SERVICES) {
            System.out.printf("  %-18s http://127.0.0.1:%d/swagger-ui.html%n", service.name(), service.port());
        }
        System.out.println("  dashboard          http://127.0.0.1:8083/");
        System.out.println("  a token:           ./run token --roles COORDINATOR");
        System.out.println("  demo data:         ./run demo");
        System.out.println("Press Ctrl-C to stop.");
        for (Process process : running.processes()) {
            process.waitFor();
        }
    }

    /** The services' JVM options; environment variable PERHEKESKUS_SERVICE_JVM_OPTIONS replaces them. */
    static final String SERVICE_JVM_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static Process startService(Path root, Path dataDir, LocalInfrastructure infrastructure,
                                        LocalSecrets secrets, ServiceSpec service) throws IOException {
        Path jar = root.resolve(service.name()).resolve("target").resolve(service.name() + "-exec.jar");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getenv().getOrDefault("PERHEKESKUS_SERVICE_JVM_OPTIONS", SERVICE_JVM_OPTIONS)
                .trim().split("\\s+")));
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString(),
                "--server.port=" + service.port(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()));
        if (service.database() != null) {
            command.add("--spring.datasource.url=" + infrastructure.jdbcUrl(service.database()));
            command.add("--spring.datasource.username=" + LocalPostgres.USER);
        }
        String readDatabase = "perhekeskus_" + service.name().replace("-service", "");
        command.add("--spring.data.mongodb.uri=" + infrastructure.mongoUri(readDatabase));
        Path log = dataDir.resolve("logs").resolve(service.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // By environment, not by argument: a command line is visible to every user of the machine.
        builder.environment().putAll(secrets.environment());
        return builder.start();
    }

    private static void awaitHealthy(ServiceSpec service, Process process) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see .data/logs/" + service.name() + ".log");
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    System.out.println("  " + service.name() + " is healthy (pid " + process.pid() + ")");
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.name() + " did not become healthy in time");
    }

    static String token(List<String> args) {
        UUID agency = null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String subject = "local-worker";
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--agency" -> agency = UUID.fromString(args.get(++i));
                case "--roles" -> Arrays.stream(args.get(++i).split(","))
                        .map(String::trim).map(Role::valueOf).forEach(roles::add);
                case "--sub" -> subject = args.get(++i);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i)
                        + "; usage: token [--agency <uuid>] --roles WORKER|COORDINATOR|ANALYST[,...] [--sub <id>]");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("--roles is required");
        }
        return LocalSecrets.ofInstallation().tokens().issue(subject, agency, roles, Duration.ofHours(12));
    }

    private static void wipe(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.println("Wiped " + dataDir);
    }
}
