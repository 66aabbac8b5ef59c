package fi.perhekeskus.infra.local;

import fi.perhekeskus.infra.security.LocalTokens;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The launcher behind {@code ./run}: starts the local infrastructure in this JVM, then the three
 * services as separate processes, waits until each reports healthy, prints the URLs and stops
 * everything on Ctrl-C. Also mints local tokens ({@code ./run token}). The other commands of
 * {@code ./run} (demo, rebuild, bench, chaos) are infra/tools, which starts this launcher as a library.
 */
public final class LocalPlatform {

    /** A service to start, with the public URLs its links point to (shifted with the ports). */
    private record ServiceSpec(String name, int port, String database, String readDatabase, List<String> urls) {

        static ServiceSpec of(PlatformLayout.Service service, PlatformLayout layout) {
            // Agencies' links point to referral-service, families' own links to meeting-service, which also
            // opens the evaluations' texts for reporting-service.
            List<String> urls = List.of("--perhekeskus.notifications.public-base-url=" + layout.referral().url(),
                    "--perhekeskus.family-links.base-url=" + layout.meeting().url(),
                    "--perhekeskus.meeting.base-url=" + layout.meeting().url());
            return new ServiceSpec(service.name(), service.port(), service.database(), service.readDatabase(), urls);
        }
    }

    /** Exit status when the launcher refuses to start (a port or the data is in use). */
    static final int REFUSED = 2;

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("token")) {
            System.out.println(token(arguments.subList(1, arguments.size())));
            return;
        }
        Path root = Path.of(System.getProperty("perhekeskus.root", ".")).toAbsolutePath().normalize();
        Options options = Options.parse(arguments);
        if (arguments.contains("--wipe")) {
            Optional<Long> other = runningLauncher(options.dataDir());
            if (other.isPresent()) {
                refuse("another launcher (pid " + other.get() + ") uses " + options.dataDir() + "; not wiping it");
            }
            wipe(options.dataDir());
        }
        try {
            run(root, options);
        } catch (Refused refused) {
            refuse(refused.getMessage());
        }
    }

    private static void refuse(String message) {
        System.err.println("./run refuses to start: " + message);
        System.exit(REFUSED);
    }

    /**
     * What to start and where: {@code --data <dir>} (default {@code .data}), {@code --port-offset
     * <n>} added to every port (default 0: 8081-8083, 5432, 9092/9093, 27017), {@code --services
     * <name,...>} or {@code --infrastructure-only} (default all three services).
     */
    public record Options(Path dataDir, int portOffset, List<String> services) {

        public static Options defaults(Path dataDir) {
            return new Options(dataDir, 0, PlatformLayout.serviceNames());
        }

        static Options parse(List<String> args) {
            Path dataDir = LocalSecrets.dataDirectory();
            int offset = 0;
            List<String> services = PlatformLayout.serviceNames();
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--wipe" -> { }
                    case "--data" -> dataDir = Path.of(args.get(++i)).toAbsolutePath().normalize();
                    case "--port-offset" -> offset = Integer.parseInt(args.get(++i));
                    case "--infrastructure-only" -> services = List.of();
                    case "--services" -> services = Arrays.stream(args.get(++i).split(","))
                            .map(String::trim).filter(n -> !n.isEmpty() && !n.equals("none")).toList();
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "; usage: ./run "
                            + "[--wipe] [--rebuild] [--data <dir>] [--port-offset <n>] [--infrastructure-only | --services <name,...>]");
                }
            }
            for (String service : services) {
                if (!PlatformLayout.serviceNames().contains(service)) {
                    throw new IllegalArgumentException("unknown service " + service + "; one of "
                            + PlatformLayout.serviceNames());
                }
            }
            return new Options(dataDir, offset, services);
        }

        /** The platform's services and ports, shifted by {@code --port-offset}. */
        public PlatformLayout layout() {
            return new PlatformLayout(portOffset);
        }

        LocalInfrastructure.Ports infrastructurePorts() {
            return layout().infrastructure();
        }

        List<ServiceSpec> specs() {
            return layout().services().stream().filter(s -> services.contains(s.name())).map(s -> ServiceSpec.of(s, layout())).toList();
        }

        /** Every port the platform listens on, services and infrastructure. */
        public List<Integer> ports() {
            return layout().ports();
        }
    }

    /** The launcher refused to start: a port or the data folder is in use by something it did not start. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /** The pid of a launcher alive on {@code dataDir}, read without writing anything there. */
    public static Optional<Long> runningLauncher(Path dataDir) {
        return ChildProcesses.read(dataDir.resolve("run").resolve("launcher")).stream()
                .filter(c -> c.handle().isPresent()).map(ChildProcesses.Child::pid).findFirst();
    }

    /** A service process of the running platform, replaced when the service is restarted. */
    private static final class ServiceProcess {
        final ServiceSpec spec;
        volatile Process process;

        ServiceProcess(ServiceSpec spec, Process process) {
            this.spec = spec;
            this.process = process;
        }
    }

    /**
     * The running platform: its infrastructure, the secrets its services were given and their
     * processes; closing stops them all.
     */
    public static final class Running implements AutoCloseable {
        private final Path root;
        private final Path dataDir;
        private final LocalInfrastructure infrastructure;
        private final LocalSecrets secrets;
        private final ChildProcesses children;
        private final List<ServiceProcess> services;
        private final DataLock lock;
        private final Process watchdog;
        private final long startMillis;
        private final PlatformLayout layout;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        /** Further instances of the services ({@link #startSecondInstances}), stopped with the platform. */
        private final List<ServiceProcess> secondInstances = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Running(Path root, Path dataDir, LocalInfrastructure infrastructure, LocalSecrets secrets,
                        ChildProcesses children, List<ServiceProcess> services, DataLock lock, Process watchdog,
                        long startMillis, PlatformLayout layout) {
            this.root = root;
            this.dataDir = dataDir;
            this.infrastructure = infrastructure;
            this.secrets = secrets;
            this.children = children;
            this.services = services;
            this.lock = lock;
            this.watchdog = watchdog;
            this.startMillis = startMillis;
            this.layout = layout;
        }

        public LocalInfrastructure infrastructure() {
            return infrastructure;
        }

        public LocalSecrets secrets() {
            return secrets;
        }

        public long startMillis() {
            return startMillis;
        }

        public Path dataDir() {
            return dataDir;
        }

        /** The services' current processes, in the order referral, meeting, reporting (those started). */
        public List<Process> processes() {
            return services.stream().map(s -> s.process).toList();
        }

        public List<String> serviceNames() {
            return services.stream().map(s -> s.spec.name()).toList();
        }

        public int port(String service) {
            return find(service).spec.port();
        }

        /** Where the platform's services listen (also those not started). */
        public PlatformLayout layout() {
            return layout;
        }

        /** Kills a service with SIGKILL, as a crash would. */
        public void kill(String service) throws InterruptedException {
            Process process = find(service).process;
            process.destroyForcibly();
            process.waitFor();
        }

        /** Starts a (killed) service again and waits until it is healthy. */
        public void restart(String service) throws Exception {
            ServiceProcess running = find(service);
            running.process = startService(root, dataDir, infrastructure, secrets, running.spec, children,
                    running.spec.name());
            awaitHealthy(running.spec, running.process, dataDir);
        }

        /**
         * Starts a second instance of each started service on the same infrastructure (the same
         * databases, broker and read store), each on its port plus {@code shift}, logging to
         * {@code <service>-2.log}, and waits until each is healthy. Refused when one of those
         * ports is held. Returns the second instances' layout: its services' ports are theirs.
         */
        public PlatformLayout startSecondInstances(int shift) throws Exception {
            if (!secondInstances.isEmpty()) {
                throw new IllegalStateException("the second instances are started already");
            }
            PlatformLayout second = new PlatformLayout(layout.portOffset() + shift);
            List<ServiceSpec> specs = second.services().stream().filter(s -> serviceNames().contains(s.name()))
                    .map(s -> ServiceSpec.of(s, second)).toList();
            List<String> taken = specs.stream().map(s -> ListeningPorts.held(s.port())).flatMap(Optional::stream)
                    .map(ListeningPorts.Held::describe).toList();
            if (!taken.isEmpty()) {
                throw new Refused(String.join("; ", taken) + " — wanted by a second instance; stop it first");
            }
            for (ServiceSpec spec : specs) {
                secondInstances.add(new ServiceProcess(spec, startService(root, dataDir, infrastructure, secrets, spec,
                        children, spec.name() + "-2")));
            }
            for (ServiceProcess instance : secondInstances) {
                awaitHealthy(instance.spec, instance.process, dataDir);
            }
            return second;
        }

        /** The second instances' processes, in the order of {@link #processes()}; empty until started. */
        public List<Process> secondProcesses() {
            return secondInstances.stream().map(s -> s.process).toList();
        }

        private ServiceProcess find(String service) {
            return services.stream().filter(s -> s.spec.name().equals(service)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no service " + service + " in this platform"));
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            List<ServiceProcess> all = new ArrayList<>(services);
            all.addAll(secondInstances);
            all.forEach(s -> s.process.destroy());
            for (ServiceProcess service : all) {
                try {
                    if (!service.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        service.process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            infrastructure.close();
            // Whatever is still alive of the record (nothing, normally) is stopped now, not at the next start.
            children.stopLeftovers();
            watchdog.destroy();
            lock.release();
        }
    }

    /**
     * Starts the infrastructure and the three services and waits until each is healthy. The
     * services get the installation's secrets of {@code dataDir} ({@link LocalSecrets}).
     */
    public static Running start(Path root, Path dataDir) throws Exception {
        return start(root, Options.defaults(dataDir));
    }

    /**
     * Starts what {@code options} name, after making sure that nothing else uses its data or its
     * ports: another launcher on the same data, or any process on a port, is refused; processes
     * left over by an earlier launcher on this data (killed before it could stop them) are stopped.
     */
    public static Running start(Path root, Options options) throws Exception {
        long started = System.nanoTime();
        Path dataDir = options.dataDir();
        Files.createDirectories(dataDir.resolve("run"));
        DataLock lock = DataLock.acquire(dataDir);
        Process watchdog = null;
        LocalInfrastructure infrastructure = null;
        List<ServiceProcess> services = new ArrayList<>();
        try {
            ChildProcesses children = ChildProcesses.in(dataDir);
            for (ChildProcesses.Child leftover : children.stopLeftovers()) {
                System.out.println("  stopped " + leftover.role() + " (pid " + leftover.pid()
                        + ") left running by an earlier launcher on " + dataDir);
            }
            List<String> taken = options.ports().stream().map(ListeningPorts::held).flatMap(Optional::stream)
                    .map(ListeningPorts.Held::describe).toList();
            if (!taken.isEmpty()) {
                throw new Refused(String.join("; ", taken) + " — not a process of this platform; stop it first");
            }
            LocalSecrets secrets = LocalSecrets.ofInstallation(dataDir);
            watchdog = startWatchdog(children);
            infrastructure = LocalInfrastructure.start(dataDir, options.infrastructurePorts(),
                    root.resolve("infra/kafka-broker/target/lib"), children);
            System.out.println("  postgres is up (pid " + infrastructure.postgres().pid() + "), kafka broker is up (pid "
                    + infrastructure.kafka().pid() + "), mongo-protocol server in the launcher (pid "
                    + ProcessHandle.current().pid() + "), mail server in the launcher (SMTP " + infrastructure.mail().smtpPort()
                    + ", IMAP " + infrastructure.mail().imapPort() + ")");
            Files.createDirectories(dataDir.resolve("logs"));
            for (ServiceSpec service : options.specs()) {
                services.add(new ServiceProcess(service,
                        startService(root, dataDir, infrastructure, secrets, service, children, service.name())));
            }
            for (ServiceProcess service : services) {
                awaitHealthy(service.spec, service.process, dataDir);
            }
            return new Running(root, dataDir, infrastructure, secrets, children, services, lock, watchdog,
                    (System.nanoTime() - started) / 1_000_000, options.layout());
        } catch (Exception | Error e) {
            services.forEach(s -> s.process.destroyForcibly());
            if (infrastructure != null) {
                infrastructure.close();
            }
            ChildProcesses.in(dataDir).stopLeftovers();
            if (watchdog != null) {
                watchdog.destroy();
            }
            lock.release();
            throw e;
        }
    }

    /** The watchdog that stops the recorded children if this JVM dies without running its shutdown hooks. */
    private static Process startWatchdog(ChildProcesses children) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long selfStart = self.info().startInstant().orElseThrow().toEpochMilli();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Watchdog.class.getName(),
                Long.toString(self.pid()), Long.toString(selfStart), children.file().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void run(Path root, Options options) throws Exception {
        Running running = start(root, options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the platform...");
            running.close();
        }, "platform-stop"));
        System.out.printf(Locale.ROOT, "%nPerhekeskus platform is up in %.1f s (logs in %s)%n",
                running.startMillis() / 1000.0, options.dataDir().resolve("logs"));
        for (ServiceSpec service : options.specs()) {
            System.out.printf("  %-18s http://127.0.0.1:%d/swagger-ui.html%n", service.name(), service.port());
        }
        if (options.services().contains("reporting-service")) {
            System.out.println("  dashboard          " + options.layout().reporting().url() + "/");
        }
        System.out.println("  a token:           ./run token --roles COORDINATOR");
        System.out.println("  demo data:         ./run demo");
        System.out.println("Press Ctrl-C to stop.");
        // Until Ctrl-C (the shutdown hook stops everything); a service that exits on its own is logged.
        Thread.currentThread().join();
    }

    /**
     * The services' JVM options; environment variable PERHEKESKUS_SERVICE_JVM_OPTIONS replaces them.
     * A fixed young generation of 96 MiB: a replay allocates fast, and the default young generation
     * of a small heap collected so often that it took 13 % of reporting-service's CPU. The initial
     * heap holds it (a smaller one makes the JVM warn and start the young generation smaller).
     */
    static final String SERVICE_JVM_OPTIONS = "-Xms128m -Xmx384m -Xmn96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static Process startService(Path root, Path dataDir, LocalInfrastructure infrastructure,
                                        LocalSecrets secrets, ServiceSpec service, ChildProcesses children,
                                        String instance) throws IOException {
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
        command.add("--spring.data.mongodb.uri=" + infrastructure.mongoUri(service.readDatabase()));
        command.addAll(service.urls());
        // Only referral-service sends mail; the others ignore these.
        command.add("--spring.mail.host=" + infrastructure.mail().smtpHost());
        command.add("--spring.mail.port=" + infrastructure.mail().smtpPort());
        Path log = dataDir.resolve("logs").resolve(instance + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // By environment, not by argument: a command line is visible to every user of the machine.
        builder.environment().putAll(secrets.environment());
        Process process = builder.start();
        children.record(instance, process.pid());
        return process;
    }

    private static void awaitHealthy(ServiceSpec service, Process process, Path dataDir) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see "
                        + dataDir.resolve("logs").resolve(service.name() + ".log"));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                // WARNING (parked events, failing notifications) still serves: someone must look, not wait.
                if (response.statusCode() == 200 && (response.body().contains("\"UP\"")
                        || response.body().contains("\"WARNING\""))) {
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
        Set<String> roles = new LinkedHashSet<>();
        String subject = "local-worker";
        // The installation whose secret signs: the same --data as the ./run it is for.
        Path dataDir = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--data" -> dataDir = Path.of(args.get(++i));
                case "--agency" -> agency = UUID.fromString(args.get(++i));
                case "--roles" -> Arrays.stream(args.get(++i).split(",")).map(String::trim).forEach(role -> {
                    if (!LocalTokens.ROLES.contains(role)) {
                        throw new IllegalArgumentException("unknown role " + role + "; one of " + LocalTokens.ROLES);
                    }
                    roles.add(role);
                });
                case "--sub" -> subject = args.get(++i);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i)
                        + "; usage: token [--data <dir>] [--agency <uuid>] --roles WORKER|COORDINATOR|ANALYST[,...] [--sub <id>]");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("--roles is required");
        }
        LocalSecrets secrets = dataDir == null ? LocalSecrets.ofInstallation() : LocalSecrets.ofInstallation(dataDir);
        return secrets.tokens().issueNamed(subject, agency, roles, Duration.ofHours(12));
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
