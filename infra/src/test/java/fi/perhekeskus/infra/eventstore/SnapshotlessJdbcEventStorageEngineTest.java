package fi.perhekeskus.infra.eventstore;

import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalPostgres;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real PostgreSQL: an aggregate loads from its events alone, and no snapshot is ever stored. */
class SnapshotlessJdbcEventStorageEngineTest {

    @TempDir
    static Path dir;
    static LocalPostgres postgres;
    static JdbcTemplate jdbc;
    static SnapshotlessJdbcEventStorageEngine engine;

    record Moved(String to) {
    }

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(dir.resolve("pg"), FreePorts.next(), List.of("events"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl("events"), LocalPostgres.USER, "");
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/platform").load().migrate();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = new SnapshotlessJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new EventStoreAutoConfiguration().persistenceExceptionResolver()));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void anAggregateLoadsFromAllItsEventsEvenBesideASnapshotRow() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(event(id, 0, "a"), event(id, 1, "b"), event(id, 2, "c"));
        // A row in the snapshot table (left by an older version, say) would make Axon start after it.
        jdbc.update("INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, 2, 'Thing', ?, ?, ?, NULL, ?, ?)",
                id, UUID.randomUUID().toString(), "{}".getBytes(), "{\"to\":\"snapshot\"}".getBytes(),
                Moved.class.getName(), "2026-01-01T00:00:00Z");

        DomainEventStream stream = EmbeddedEventStore.builder().storageEngine(engine).build().readEvents(id);

        assertThat(stream.asStream().map(e -> ((Moved) e.getPayload()).to())).containsExactly("a", "b", "c");
    }

    @Test
    void aSnapshotIsRefusedNotDropped() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> engine.storeSnapshot(event(id, 5, "x")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Thing");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?",
                Integer.class, id)).isZero();
    }

    private static DomainEventMessage<Moved> event(String aggregate, long sequence, String to) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new Moved(to));
    }
}
