package fi.perhekeskus.infra.consistency;

import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalPostgres;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write acknowledged while the view's processor had read past its global index (its transaction
 * was still open then) is not in the view: the reader must wait for it although the processor's
 * position is beyond it. Real PostgreSQL and Axon's own JDBC storage engine make the gap.
 */
class ViewCatchUpGapsTest {

    @TempDir
    static Path dir;
    static LocalPostgres postgres;
    static DataSource dataSource;
    static JdbcTemplate jdbc;
    ViewCatchUp catchUp;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(dir.resolve("pg"), FreePorts.next(), List.of("gaps"));
        dataSource = new DriverManagerDataSource(postgres.jdbcUrl("gaps"), LocalPostgres.USER, "");
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/platform").load().migrate();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyStore() {
        jdbc.update("TRUNCATE domainevententry RESTART IDENTITY");
        catchUp = new ViewCatchUp(null, null, Duration.ofSeconds(1), null, new CommittedEvents(jdbc));
    }

    @Test
    void aGapThatNowHoldsACommittedEventIsNotCovered() throws SQLException {
        try (Connection earlier = dataSource.getConnection()) {
            insert(earlier);
        }
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            long acknowledgedLater = insert(open);
            long committedFirst;
            try (Connection other = dataSource.getConnection()) {
                committedFirst = insert(other);
            }
            TrackingToken processor = readAll();
            assertThat(processor).isInstanceOf(GapAwareTrackingToken.class);
            assertThat(processor.position()).hasValue(committedFirst);
            assertThat(((GapAwareTrackingToken) processor).getGaps()).containsExactly(acknowledgedLater);
            assertThat(catchUp.covers(processor, committedFirst))
                    .as("the open transaction's write is not acknowledged yet: nothing to wait for").isTrue();

            open.commit();
            long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            assertThat(head).isEqualTo(committedFirst);
            assertThat(catchUp.covers(processor, head))
                    .as("position %s is at the head, but the event at its gap %s is not handled", head, acknowledgedLater)
                    .isFalse();
            assertThat(catchUp.covers(readAll(), head)).as("once the processor has read it again").isTrue();
        }
    }

    @Test
    void positionsBehindTheTargetAndGapsAboveItAreJudgedByPosition() {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                + " payload, payloadtype, timestamp) SELECT 'a', n, 'T', md5(random()::text), 'x', 'java.lang.String',"
                + " '2026-12-03T12:00:00Z' FROM generate_series(0, 5) n");
        assertThat(catchUp.covers(GapAwareTrackingToken.newInstance(3, List.of()), 4)).isFalse();
        assertThat(catchUp.covers(null, 1)).isFalse();
        assertThat(catchUp.covers(GapAwareTrackingToken.newInstance(6, List.of(5L)), 4))
                .as("a gap above the target holds no write the reader was told about").isTrue();
        assertThat(catchUp.covers(GapAwareTrackingToken.newInstance(6, List.of(2L)), 4)).isFalse();
        jdbc.update("DELETE FROM domainevententry WHERE globalindex = 3");
        assertThat(catchUp.covers(GapAwareTrackingToken.newInstance(6, List.of(3L)), 6))
                .as("an index no event holds (a rolled-back insert)").isTrue();
    }

    private static long insert(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier,"
                + " sequencenumber, type, eventidentifier, metadata, payload, payloadtype, timestamp)"
                + " VALUES (?, 0, 'T', ?, ?, ?, 'java.lang.String', ?) RETURNING globalindex")) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setString(2, UUID.randomUUID().toString());
            statement.setBytes(3, "{}".getBytes());
            statement.setBytes(4, "\"x\"".getBytes());
            // Now: the engine forgets gaps behind events older than its gap timeout.
            statement.setString(5, Instant.now().toString());
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static TrackingToken readAll() {
        ConnectionProvider connections = dataSource::getConnection;
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .build();
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            return events.reduce((first, second) -> second).orElseThrow().trackingToken();
        }
    }
}
