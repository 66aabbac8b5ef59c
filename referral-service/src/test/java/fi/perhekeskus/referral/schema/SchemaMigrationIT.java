package fi.perhekeskus.referral.schema;

import fi.perhekeskus.infra.testing.SchemaMigrations;
import fi.perhekeskus.infra.testing.SchemaMigrations.History;
import fi.perhekeskus.referral.ReferralServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * referral-service's schema migrations on a real PostgreSQL, run as the service runs them at start:
 * an empty database gets every table at the latest version; a database made by the start-up DDL of
 * the releases before migrations, or left at an earlier version, is brought to the latest with its data.
 */
class SchemaMigrationIT {

    private static final String SERVICE = ReferralServiceApplication.NAME;
    private static final String LATEST = "10";
    private static final String BEFORE_MIGRATIONS = "schema/referral-before-migrations.sql";

    @Test
    void anEmptyDatabaseGetsEveryTableAtTheLatestVersion() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("referral_empty");

        History history = db.migrate(SERVICE);

        assertThat(history.current()).isEqualTo(LATEST).isEqualTo(history.latestAvailable());
        assertThat(history.pending()).isZero();
        assertThat(history.appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "9", "10");
        assertThat(history.applied()).allSatisfy(row -> {
            assertThat(row.type()).isEqualTo("SQL");
            assertThat(row.success()).isTrue();
        });
        assertThat(db.tables()).containsExactlyInAnyOrder("domainevententry", "snapshotevententry", "tokenentry",
                "deadletterentry", "idempotency_keys", "family_keys", "processor_instances", "access_log", "scheduled_tasks",
                "programme_agencies", "offer_programmes", "offer_sessions", "offer_places", "offer_open_places",
                "notification_outbox", "notification_agencies", "notification_referrals", "notification_sessions",
                "notification_enrolments", "flyway_schema_history");

        assertThat(db.columns("domainevententry")).containsEntry("globalindex", "int8")
                .containsEntry("aggregateidentifier", "varchar").containsEntry("sequencenumber", "int8")
                .containsEntry("eventidentifier", "varchar").containsEntry("payload", "bytea")
                .containsEntry("metadata", "bytea").containsEntry("payloadrevision", "varchar")
                .containsEntry("timestamp", "varchar");
        assertThat(db.indexes("domainevententry").values())
                .anySatisfy(def -> assertThat(def).contains("UNIQUE INDEX").endsWith("(aggregateidentifier, sequencenumber)"))
                .anySatisfy(def -> assertThat(def).contains("UNIQUE INDEX").endsWith("(eventidentifier)"));
        assertThat(db.columns("tokenentry")).containsEntry("processorname", "varchar").containsEntry("segment", "int4")
                .containsEntry("token", "bytea").containsEntry("owner", "varchar");
        assertThat(db.columns("deadletterentry")).containsEntry("payload", "bytea").containsEntry("diagnostics", "bytea")
                .containsEntry("sequenceindex", "int8");
        assertThat(db.indexes("deadletterentry")).containsKeys("pk", "sequenceindex_index", "processinggroup_index",
                "sequenceidentifier_index");
        assertThat(db.columns("idempotency_keys")).containsEntry("request_hash", "bytea")
                .containsEntry("resource_id", "uuid").containsEntry("created_at", "timestamptz");
        assertThat(db.indexes("idempotency_keys").values())
                .anySatisfy(def -> assertThat(def).endsWith("(operation, principal, idempotency_key)"));
        assertThat(db.columns("family_keys")).containsEntry("family_id", "uuid").containsEntry("wrapped_key", "bytea")
                .containsEntry("erased_at", "timestamptz");
        assertThat(db.columns("access_log")).containsEntry("id", "int8").containsEntry("worker", "text")
                .containsEntry("purpose", "text").containsEntry("basis", "text").containsEntry("event_id", "varchar");
        assertThat(db.indexes("access_log")).containsKey("access_log_family");
        assertThat(db.columns("scheduled_tasks")).containsEntry("task_data", "bytea")
                .containsEntry("execution_time", "timestamptz").containsEntry("version", "int8")
                .containsEntry("priority", "int2");
        assertThat(db.indexes("scheduled_tasks")).containsKeys("execution_time_idx", "last_heartbeat_idx",
                "priority_execution_time_idx");
        assertThat(db.columns("programme_agencies")).containsEntry("programme_id", "uuid")
                .containsEntry("agency_ids", "_uuid");
        assertThat(db.columns("offer_programmes")).containsEntry("service_id", "uuid")
                .containsEntry("capacity_families", "int4");
        assertThat(db.columns("offer_places")).containsEntry("family_id", "uuid").containsEntry("waitlisted", "bool");
        assertThat(db.columns("offer_sessions")).containsEntry("starts_at", "timestamptz");
        assertAccessLogIsAppendOnly(db.jdbc());

        // A second start finds nothing to do.
        assertThat(db.migrate(SERVICE).appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "9", "10");
    }

    @Test
    void aDatabaseMadeBeforeMigrationsIsAdoptedWithItsDataAndTheSameSchema() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("referral_before");
        db.runScript(SchemaMigrations.PLATFORM_BEFORE_MIGRATIONS);
        db.runScript(BEFORE_MIGRATIONS);
        Data data = Data.writtenTo(db.jdbc());

        History history = db.migrate(SERVICE);

        assertThat(history.applied().get(0)).satisfies(baseline -> {
            assertThat(baseline.version()).isEqualTo("0");
            assertThat(baseline.type()).isEqualTo("BASELINE");
        });
        assertThat(history.appliedVersions()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "9", "10");
        assertThat(history.applied()).allSatisfy(row -> assertThat(row.success()).isTrue());
        assertThat(history.current()).isEqualTo(LATEST);
        data.assertSurvivedIn(db.jdbc());
        assertAccessLogIsAppendOnly(db.jdbc());

        SchemaMigrations fresh = SchemaMigrations.emptyDatabase("referral_fresh");
        fresh.migrate(SERVICE);
        assertThat(db.shape()).isEqualTo(fresh.shape());
    }

    @Test
    void anAccessLogOfAnEarlyReleaseIsWidenedToTakeAnyTextTheApiAccepts() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("referral_early");
        db.runScript(SchemaMigrations.PLATFORM_BEFORE_MIGRATIONS);
        // The access log before its free-text columns were widened (Request limits release).
        db.jdbc().execute("""
                CREATE TABLE access_log (
                    id           BIGSERIAL PRIMARY KEY,
                    at           TIMESTAMPTZ NOT NULL,
                    kind         VARCHAR(20) NOT NULL,
                    family_id    UUID NOT NULL,
                    worker       VARCHAR(255),
                    agency_id    UUID,
                    purpose      VARCHAR(255) NOT NULL,
                    basis        VARCHAR(500),
                    outcome      VARCHAR(20) NOT NULL,
                    to_agency_id UUID,
                    referral_id  UUID,
                    event_id     VARCHAR(64) UNIQUE
                )""");
        UUID family = UUID.randomUUID();
        db.jdbc().update("INSERT INTO access_log (at, kind, family_id, worker, purpose, outcome) "
                + "VALUES (now(), 'USAGE', ?, 'worker-1', 'hoito', 'ALLOWED')", family);

        assertThat(db.migrate(SERVICE).current()).isEqualTo(LATEST);

        assertThat(db.columns("access_log")).containsEntry("worker", "text").containsEntry("purpose", "text")
                .containsEntry("basis", "text");
        String basis = "laki 703/2023: " + "x".repeat(2_000);
        db.jdbc().update("INSERT INTO access_log (at, kind, family_id, worker, purpose, basis, outcome) "
                + "VALUES (now(), 'USAGE', ?, ?, 'hoito', ?, 'ALLOWED')", family, "w".repeat(300), basis);
        assertThat(db.jdbc().queryForList("SELECT basis FROM access_log WHERE family_id = ? ORDER BY id",
                String.class, family)).containsExactly(null, basis);
        assertAccessLogIsAppendOnly(db.jdbc());
    }

    @Test
    void aDatabaseAtAnEarlierVersionIsMigratedToTheLatestWithItsData() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("referral_earlier");
        assertThat(db.migrate(SERVICE, "spring.flyway.target=4").current()).isEqualTo("4");
        assertThat(db.tables()).doesNotContain("scheduled_tasks");
        UUID family = UUID.randomUUID();
        db.jdbc().update("INSERT INTO access_log (at, kind, family_id, worker, purpose, outcome) "
                + "VALUES (now(), 'ERASURE', ?, 'worker-2', 'erasure of personal data', 'ALLOWED')", family);
        db.jdbc().update("INSERT INTO family_keys (family_id, wrapped_key) VALUES (?, ?)", family, new byte[] {7, 7});

        History history = db.migrate(SERVICE);

        assertThat(history.appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "9", "10");
        assertThat(history.current()).isEqualTo(LATEST);
        assertThat(db.tables()).contains("scheduled_tasks");
        assertThat(db.jdbc().queryForObject("SELECT kind FROM access_log WHERE family_id = ?", String.class, family))
                .isEqualTo("ERASURE");
        assertThat(db.jdbc().queryForObject("SELECT wrapped_key FROM family_keys WHERE family_id = ?", byte[].class,
                family)).containsExactly(7, 7);
    }

    private static void assertAccessLogIsAppendOnly(JdbcTemplate jdbc) {
        UUID family = UUID.randomUUID();
        jdbc.update("INSERT INTO access_log (at, kind, family_id, purpose, outcome) "
                + "VALUES (now(), 'USAGE', ?, 'tarkistus', 'ALLOWED')", family);
        assertThatThrownBy(() -> jdbc.update("UPDATE access_log SET purpose = 'muu' WHERE family_id = ?", family))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log WHERE family_id = ?", family))
                .hasMessageContaining("append-only");
    }

    /** A row in every table, written the way the service writes it. */
    private record Data(UUID aggregate, UUID family, String idempotencyKey, UUID resource, Instant due) {

        static Data writtenTo(JdbcTemplate jdbc) {
            Data data = new Data(UUID.randomUUID(), UUID.randomUUID(), "key-" + UUID.randomUUID(), UUID.randomUUID(),
                    Instant.parse("2030-01-02T03:04:05Z"));
            for (int sequence = 0; sequence < 2; sequence++) {
                jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                                + "metadata, payload, payloadtype, timestamp) VALUES (?, ?, 'Referral', ?, ?, ?, ?, ?)",
                        data.aggregate.toString(), sequence, UUID.randomUUID().toString(), "{}".getBytes(),
                        ("{\"n\":" + sequence + "}").getBytes(), "fi.perhekeskus.contract.referral.ReferralMade",
                        "2025-01-01T00:00:00Z");
            }
            jdbc.update("INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                            + "payload, payloadtype, timestamp) VALUES (?, 1, 'Referral', ?, ?, 'Snapshot', ?)",
                    data.aggregate.toString(), UUID.randomUUID().toString(), "{}".getBytes(), "2025-01-01T00:00:00Z");
            jdbc.update("INSERT INTO tokenentry (processorname, segment, token, tokentype, owner) "
                    + "VALUES ('referral-views', 0, ?, 'GlobalSequenceTrackingToken', 'node-1')", "{\"i\":2}".getBytes());
            jdbc.update("INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, "
                            + "sequenceindex, messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat) "
                            + "VALUES (?, 'kafka-publisher', ?, 0, 'Event', ?, '2025-01-01T00:00:00Z', 'X', ?, "
                            + "'2025-01-01T00:00:00Z')",
                    UUID.randomUUID().toString(), data.aggregate.toString(), UUID.randomUUID().toString(),
                    "{}".getBytes());
            jdbc.update("INSERT INTO idempotency_keys (operation, principal, idempotency_key, request_hash, resource_id) "
                    + "VALUES ('make-referral', 'worker-1', ?, ?, ?)", data.idempotencyKey, new byte[] {1, 2, 3}, data.resource);
            jdbc.update("INSERT INTO family_keys (family_id, wrapped_key) VALUES (?, ?)", data.family, new byte[] {9, 8, 7});
            jdbc.update("INSERT INTO access_log (at, kind, family_id, worker, purpose, basis, outcome, event_id) "
                    + "VALUES (now(), 'DISCLOSURE', ?, 'worker-1', 'hoidon järjestäminen', 'suostumus', 'ALLOWED', ?)",
                    data.family, "event-" + data.aggregate);
            jdbc.update("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
                    + "VALUES ('axon-deadline', ?, ?, ?, false, 1)", data.aggregate.toString(), new byte[] {4, 2},
                    Timestamp.from(data.due));
            return data;
        }

        void assertSurvivedIn(JdbcTemplate jdbc) {
            assertThat(jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? "
                    + "ORDER BY sequencenumber", Long.class, aggregate.toString())).containsExactly(1L, 2L);
            // The event sequence goes on where it was: no global index is given twice.
            jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, eventidentifier, payload, "
                            + "payloadtype, timestamp) VALUES (?, 2, ?, ?, 'X', '2025-01-02T00:00:00Z')",
                    aggregate.toString(), UUID.randomUUID().toString(), "{}".getBytes());
            assertThat(jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class)).isEqualTo(3L);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?",
                    Integer.class, aggregate.toString())).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT owner FROM tokenentry WHERE processorname = 'referral-views'",
                    String.class)).isEqualTo("node-1");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE sequenceidentifier = ?",
                    Integer.class, aggregate.toString())).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT resource_id FROM idempotency_keys WHERE idempotency_key = ?",
                    UUID.class, idempotencyKey)).isEqualTo(resource);
            assertThat(jdbc.queryForObject("SELECT wrapped_key FROM family_keys WHERE family_id = ?", byte[].class,
                    family)).containsExactly(9, 8, 7);
            assertThat(jdbc.queryForList("SELECT purpose FROM access_log WHERE family_id = ?", String.class, family))
                    .containsExactly("hoidon järjestäminen");
            assertThat(jdbc.queryForObject("SELECT execution_time FROM scheduled_tasks WHERE task_instance = ?",
                    Timestamp.class, aggregate.toString()).toInstant()).isEqualTo(due);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isEqualTo(1);
        }
    }
}
