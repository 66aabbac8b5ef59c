package fi.perhekeskus.infra.processing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalMongo;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.infra.testing.MovableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Both heartbeat stores against the real local servers: what is live, what ages out, what a leave removes. */
class ProcessorInstancesTest {

    private static final Duration FRESH = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    static LocalPostgres postgres;
    static JdbcTemplate jdbc;
    static LocalMongo mongo;
    static MongoClient client;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(dir.resolve("pg"), FreePorts.next(), List.of("instances"));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl("instances"), LocalPostgres.USER, ""));
        Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:db/migration/platform").load().migrate();
        mongo = LocalMongo.start(dir.resolve("mongo"), FreePorts.next());
        client = MongoClients.create(mongo.uri("instances"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void jdbcHeartbeatsAreLiveUntilTheyAgeOrTheOwnerLeaves() {
        ProcessorInstances instances = new JdbcProcessorInstances(jdbc);
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String views = "views-" + UUID.randomUUID();
        String publisher = "publisher-" + UUID.randomUUID();

        instances.beat(a, List.of(views, publisher));
        instances.beat(b, List.of(views));
        assertThat(instances.live(FRESH)).containsEntry(views, Set.of(a, b)).containsEntry(publisher, Set.of(a));

        instances.beat(a, List.of(views));
        assertThat(instances.live(FRESH)).as("a no longer runs the publisher").doesNotContainKey(publisher);

        jdbc.update("UPDATE processor_instances SET last_seen = now() - interval '1 minute' WHERE owner = ?", b);
        assertThat(instances.live(FRESH)).containsEntry(views, Set.of(a));
        instances.beat(b, List.of(views));
        assertThat(instances.live(FRESH)).containsEntry(views, Set.of(a, b));

        instances.leave(a);
        assertThat(instances.live(FRESH)).containsEntry(views, Set.of(b));
        instances.beat(b, List.of());
        assertThat(instances.live(FRESH)).doesNotContainKey(views);
    }

    @Test
    void mongoHeartbeatsAreLiveUntilTheyAgeOrTheOwnerLeaves() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-03T12:00:00Z"));
        ProcessorInstances instances = new MongoProcessorInstances(client.getDatabase("instances"), clock);
        instances.beat("a", List.of("views", "publisher"));
        instances.beat("b", List.of("views"));
        instances.beat("b", List.of("views"));
        assertThat(instances.live(FRESH)).isEqualTo(Map.of("views", Set.of("a", "b"), "publisher", Set.of("a")));

        instances.beat("a", List.of("views"));
        assertThat(instances.live(FRESH)).isEqualTo(Map.of("views", Set.of("a", "b")));

        clock.advance(Duration.ofSeconds(10));
        instances.beat("a", List.of("views"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(instances.live(FRESH)).as("b's heartbeat is 20 s old").isEqualTo(Map.of("views", Set.of("a")));

        instances.leave("a");
        assertThat(instances.live(FRESH)).isEmpty();
    }
}
