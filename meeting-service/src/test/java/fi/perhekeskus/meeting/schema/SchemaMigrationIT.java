package fi.perhekeskus.meeting.schema;

import fi.perhekeskus.infra.testing.SchemaMigrations;
import fi.perhekeskus.infra.testing.SchemaMigrations.History;
import fi.perhekeskus.meeting.MeetingServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * meeting-service's schema migrations on a real PostgreSQL, run as the service runs them at start:
 * an empty database gets every table at the latest version; a database made by the start-up DDL of
 * the releases before migrations, or left at an earlier version, is brought to the latest with its data.
 */
class SchemaMigrationIT {

    private static final String SERVICE = MeetingServiceApplication.NAME;
    private static final String LATEST = "10";
    private static final String BEFORE_MIGRATIONS = "schema/meeting-before-migrations.sql";

    @Test
    void anEmptyDatabaseGetsEveryTableAtTheLatestVersion() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("meeting_empty");

        History history = db.migrate(SERVICE);

        assertThat(history.current()).isEqualTo(LATEST).isEqualTo(history.latestAvailable());
        assertThat(history.pending()).isZero();
        assertThat(history.appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "10");
        assertThat(history.applied()).allSatisfy(row -> {
            assertThat(row.type()).isEqualTo("SQL");
            assertThat(row.success()).isTrue();
        });
        // No referral-service table: a service's own location is its own.
        assertThat(db.tables()).containsExactlyInAnyOrder("domainevententry", "snapshotevententry", "tokenentry",
                "deadletterentry", "idempotency_keys", "family_keys", "processor_instances", "known_agency", "known_family",
                "known_consent", "programme_index", "session_index", "feedback_link", "invitation_index",
                "invitation_session", "invitee_family", "invitee_child", "invitee_service", "flyway_schema_history");

        assertThat(db.columns("domainevententry")).containsEntry("globalindex", "int8")
                .containsEntry("aggregateidentifier", "varchar").containsEntry("payload", "bytea");
        assertThat(db.indexes("deadletterentry")).containsKeys("pk", "sequenceindex_index", "processinggroup_index",
                "sequenceidentifier_index");
        assertThat(db.columns("known_agency")).containsEntry("agency_id", "uuid")
                .containsEntry("registered_at", "timestamptz");
        assertThat(db.columns("known_family")).containsEntry("family_id", "uuid")
                .containsEntry("registered_by_agency_id", "uuid").containsEntry("erased_at", "timestamptz");
        assertThat(db.columns("known_consent")).containsEntry("agency_ids", "_uuid")
                .containsEntry("valid_until", "date").containsEntry("withdrawn_at", "timestamptz");
        assertThat(db.indexes("known_consent")).containsKey("known_consent_family");
        assertThat(db.columns("programme_index")).containsEntry("service_id", "uuid")
                .containsEntry("first_session", "timestamptz");
        assertThat(db.indexes("programme_index").get("programme_index_service"))
                .endsWith("(service_id, first_session)");
        assertThat(db.indexes("programme_index").get("programme_index_service_last"))
                .endsWith("(service_id, last_session)");
        assertThat(db.columns("session_index")).containsEntry("session_id", "uuid").containsEntry("programme_id", "uuid");
        // Version 7: the feedback links, by the hash of their code only.
        assertThat(db.columns("feedback_link")).containsEntry("code_hash", "bytea").containsEntry("session_id", "uuid")
                .containsEntry("used_at", "timestamptz").containsEntry("feedback_id", "uuid").doesNotContainKey("code");
        assertThat(db.indexes("feedback_link")).containsKey("feedback_link_session");
        // Version 8: invitations.
        assertThat(db.columns("invitation_index")).containsEntry("invitation_id", "uuid")
                .containsEntry("expires_at", "timestamptz").containsEntry("open", "bool");
        assertThat(db.indexes("invitation_index")).containsKey("invitation_index_open");
        assertThat(db.columns("invitation_session")).containsEntry("starts_at", "timestamptz")
                .containsEntry("cancelled", "bool");
        assertThat(db.columns("invitee_child")).containsEntry("birth_month", "date");
        assertThat(db.columns("invitee_service")).containsEntry("municipalities", "_text");

        assertThat(db.migrate(SERVICE).appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "10");
    }

    @Test
    void aDatabaseMadeBeforeMigrationsIsAdoptedWithItsDataAndTheSameSchema() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("meeting_before");
        db.runScript(SchemaMigrations.PLATFORM_BEFORE_MIGRATIONS);
        db.runScript(BEFORE_MIGRATIONS);
        Parties parties = Parties.writtenTo(db.jdbc());
        UUID aggregate = UUID.randomUUID();
        db.jdbc().update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, eventidentifier, payload, "
                        + "payloadtype, timestamp) VALUES (?, 0, ?, ?, 'ProgrammeScheduled', '2025-01-01T00:00:00Z')",
                aggregate.toString(), UUID.randomUUID().toString(), "{}".getBytes());
        db.jdbc().update("INSERT INTO tokenentry (processorname, segment, owner) VALUES ('meeting-views', 1, 'node-2')");

        History history = db.migrate(SERVICE);

        assertThat(history.applied().get(0)).satisfies(baseline -> {
            assertThat(baseline.version()).isEqualTo("0");
            assertThat(baseline.type()).isEqualTo("BASELINE");
        });
        assertThat(history.appliedVersions()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "10");
        assertThat(history.applied()).allSatisfy(row -> assertThat(row.success()).isTrue());
        assertThat(history.current()).isEqualTo(LATEST);
        parties.assertSurvivedIn(db.jdbc());
        assertThat(db.jdbc().queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregate.toString())).isEqualTo(1L);
        assertThat(db.jdbc().queryForObject("SELECT owner FROM tokenentry WHERE processorname = 'meeting-views'",
                String.class)).isEqualTo("node-2");

        SchemaMigrations fresh = SchemaMigrations.emptyDatabase("meeting_fresh");
        fresh.migrate(SERVICE);
        assertThat(db.shape()).isEqualTo(fresh.shape());
    }

    @Test
    void aDatabaseAtAnEarlierVersionIsMigratedToTheLatestWithItsData() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("meeting_earlier");
        assertThat(db.migrate(SERVICE, "spring.flyway.target=4").current()).isEqualTo("4");
        assertThat(db.tables()).doesNotContain("programme_index", "session_index", "feedback_link");
        UUID agency = UUID.randomUUID();
        db.jdbc().update("INSERT INTO known_agency VALUES (?, now())", agency);

        History history = db.migrate(SERVICE);

        assertThat(history.appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "10");
        assertThat(history.current()).isEqualTo(LATEST);
        assertThat(db.jdbc().queryForList("SELECT agency_id FROM known_agency", UUID.class)).containsExactly(agency);
        UUID programme = UUID.randomUUID();
        db.jdbc().update("INSERT INTO programme_index (programme_id, service_id, first_session, last_session) "
                + "VALUES (?, ?, now(), now())", programme, agency);
        assertThat(db.jdbc().queryForList("SELECT programme_id FROM programme_index", UUID.class)).containsExactly(programme);
    }

    /** Version 6 adds a programme's last session; a programme indexed before it ends where it starts. */
    @Test
    void aProgrammeIndexedBeforeVersionSixEndsWhenItStarts() {
        SchemaMigrations db = SchemaMigrations.emptyDatabase("meeting_v5");
        assertThat(db.migrate(SERVICE, "spring.flyway.target=5").current()).isEqualTo("5");
        UUID programme = UUID.randomUUID();
        db.jdbc().update("INSERT INTO programme_index VALUES (?, ?, '2026-03-10T15:00:00Z')", programme, UUID.randomUUID());

        assertThat(db.migrate(SERVICE).current()).isEqualTo(LATEST);

        assertThat(db.jdbc().queryForObject("SELECT last_session = first_session FROM programme_index "
                + "WHERE programme_id = ?", Boolean.class, programme)).isTrue();
        assertThat(db.columns("programme_index")).containsEntry("last_session", "timestamptz");
    }

    /** Rows as KnownParties and ProgrammeIndex write them. */
    private record Parties(UUID agency, UUID family, UUID consent, UUID programme, UUID session, Instant first) {

        static Parties writtenTo(JdbcTemplate jdbc) {
            Parties p = new Parties(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), Instant.parse("2031-05-06T07:00:00Z"));
            jdbc.update("INSERT INTO known_agency VALUES (?, now())", p.agency);
            jdbc.update("INSERT INTO known_family (family_id, registered_by_agency_id, registered_at) VALUES (?, ?, now())",
                    p.family, p.agency);
            jdbc.update(connection -> {
                var statement = connection.prepareStatement(
                        "INSERT INTO known_consent (consent_id, family_id, agency_ids, valid_until) VALUES (?, ?, ?, '2032-01-01')");
                statement.setObject(1, p.consent);
                statement.setObject(2, p.family);
                statement.setArray(3, connection.createArrayOf("uuid", new Object[] {p.agency}));
                return statement;
            });
            jdbc.update("INSERT INTO programme_index VALUES (?, ?, ?)", p.programme, p.agency, Timestamp.from(p.first));
            jdbc.update("INSERT INTO session_index VALUES (?, ?)", p.session, p.programme);
            return p;
        }

        void assertSurvivedIn(JdbcTemplate jdbc) {
            assertThat(jdbc.queryForList("SELECT agency_id FROM known_agency", UUID.class)).containsExactly(agency);
            assertThat(jdbc.queryForObject("SELECT registered_by_agency_id FROM known_family WHERE family_id = ?",
                    UUID.class, family)).isEqualTo(agency);
            List<UUID> covered = jdbc.query("SELECT agency_ids FROM known_consent WHERE family_id = ?",
                    (rs, i) -> Arrays.asList((UUID[]) rs.getArray(1).getArray()), family).get(0);
            assertThat(covered).containsExactly(agency);
            assertThat(jdbc.queryForObject("SELECT first_session FROM programme_index WHERE programme_id = ?",
                    Timestamp.class, programme).toInstant()).isEqualTo(first);
            assertThat(jdbc.queryForObject("SELECT programme_id FROM session_index WHERE session_id = ?", UUID.class,
                    session)).isEqualTo(programme);
        }
    }
}
