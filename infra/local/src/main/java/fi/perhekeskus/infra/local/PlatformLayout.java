package fi.perhekeskus.infra.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform's parts in one place, as {@code ./run} lays them out: the three services with their
 * ports and databases, and the ports of the infrastructure. The launcher, the demo data, the
 * benchmark, the chaos run and the rebuild command read them here instead of repeating them;
 * {@code --port-offset} shifts every port alike.
 */
public record PlatformLayout(int portOffset) {

    /** {@code ./run} without {@code --port-offset}: 8081-8083, 9092/9093, 5432, 27017, SMTP 3025, IMAP 3143. */
    public static final PlatformLayout DEFAULT = new PlatformLayout(0);

    public static final String REFERRAL = "referral-service";
    public static final String MEETING = "meeting-service";
    public static final String REPORTING = "reporting-service";

    /** The event-store databases in PostgreSQL, one per service that has an event store. */
    public static final List<String> DATABASES = List.of("referral", "meeting");

    private static final List<Service> SERVICES = List.of(
            new Service(REFERRAL, 8081, "referral", "perhekeskus_referral"),
            new Service(MEETING, 8082, "meeting", "perhekeskus_meeting"),
            // Its projections live in the read store only: no event store of its own.
            new Service(REPORTING, 8083, null, "perhekeskus_reporting"));

    /**
     * A service: its name (also its module and its jar, {@code <name>/target/<name>-exec.jar}), its
     * HTTP port, its event-store database in PostgreSQL (none for reporting) and its database in the
     * read store.
     */
    public record Service(String name, int port, String database, String readDatabase) {

        public Optional<String> eventStore() {
            return Optional.ofNullable(database);
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        Service shifted(int offset) {
            return new Service(name, port + offset, database, readDatabase);
        }
    }

    public static List<String> serviceNames() {
        return SERVICES.stream().map(Service::name).toList();
    }

    public List<Service> services() {
        return SERVICES.stream().map(s -> s.shifted(portOffset)).toList();
    }

    public Service service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name + "; one of " + serviceNames()));
    }

    public Service referral() {
        return service(REFERRAL);
    }

    public Service meeting() {
        return service(MEETING);
    }

    public Service reporting() {
        return service(REPORTING);
    }

    public LocalInfrastructure.Ports infrastructure() {
        return new LocalInfrastructure.Ports(9092 + portOffset, 9093 + portOffset, 5432 + portOffset, 27017 + portOffset,
                3025 + portOffset, 3143 + portOffset);
    }

    /** Every port the platform listens on, services and infrastructure. */
    public List<Integer> ports() {
        LocalInfrastructure.Ports p = infrastructure();
        List<Integer> ports = new ArrayList<>();
        services().forEach(s -> ports.add(s.port()));
        ports.addAll(List.of(p.postgres(), p.kafka(), p.kafkaController(), p.mongo(), p.smtp(), p.imap()));
        return ports;
    }
}
