package fi.perhekeskus.referral.privacy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Client Data Act's usage and disclosure log (703/2023): who used a family's data, when, on what
 * basis, and to which agency it was disclosed. Append-only: the table refuses updates and deletes.
 * Holds ids and bases, never personal data, so it survives the family's erasure. The table and its
 * append-only trigger: migration {@code db/migration/referral/V4__access_log.sql}.
 */
@Component
public class AccessLog {

    public enum Kind { USAGE, DISCLOSURE, ERASURE }

    public enum Outcome { ALLOWED, REFUSED }

    public record Entry(Instant at, Kind kind, UUID familyId, String worker, UUID agencyId, String purpose,
                        String basis, Outcome outcome, UUID toAgencyId, UUID referralId) {
    }

    private final JdbcTemplate jdbc;

    public AccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A read of the family's personal data, allowed or refused. */
    public void usage(UUID familyId, String worker, UUID agencyId, String purpose, String basis, Outcome outcome,
                      Instant at) {
        jdbc.update("""
                INSERT INTO access_log (at, kind, family_id, worker, agency_id, purpose, basis, outcome)
                VALUES (?, 'USAGE', ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(at), familyId, text(worker), agencyId, text(purpose), text(basis), outcome.name());
    }

    /** A share of the family's data with another agency; recorded once per event. */
    public void disclosure(String eventId, UUID familyId, String worker, UUID fromAgencyId, UUID toAgencyId,
                           UUID referralId, String purpose, String basis, Instant at) {
        jdbc.update("""
                INSERT INTO access_log (at, kind, family_id, worker, agency_id, purpose, basis, outcome,
                                        to_agency_id, referral_id, event_id)
                VALUES (?, 'DISCLOSURE', ?, ?, ?, ?, ?, 'ALLOWED', ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                Timestamp.from(at), familyId, text(worker), fromAgencyId, text(purpose), text(basis), toAgencyId,
                referralId, eventId);
    }

    /** The family's personal data was erased (its key destroyed). */
    public void erasure(UUID familyId, String worker, Instant at) {
        jdbc.update("""
                INSERT INTO access_log (at, kind, family_id, worker, purpose, outcome)
                VALUES (?, 'ERASURE', ?, ?, 'erasure of personal data', 'ALLOWED')""",
                Timestamp.from(at), familyId, text(worker));
    }

    /**
     * PostgreSQL text cannot hold NUL, which JSON, query strings and tokens can carry: it is stored as
     * U+FFFD so that the entry is still written (a refused insert would lose a disclosure).
     */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    public List<Entry> of(UUID familyId) {
        return of(familyId, Integer.MAX_VALUE, 0);
    }

    /** A page of the family's log, newest first. */
    public List<Entry> of(UUID familyId, int limit, int offset) {
        return jdbc.query("""
                SELECT at, kind, family_id, worker, agency_id, purpose, basis, outcome, to_agency_id, referral_id
                FROM access_log WHERE family_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new Entry(rs.getTimestamp("at").toInstant(), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("family_id", UUID.class), rs.getString("worker"),
                        rs.getObject("agency_id", UUID.class), rs.getString("purpose"), rs.getString("basis"),
                        Outcome.valueOf(rs.getString("outcome")), rs.getObject("to_agency_id", UUID.class),
                        rs.getObject("referral_id", UUID.class)),
                familyId, limit, offset);
    }
}
