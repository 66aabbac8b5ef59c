package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.meeting.programme.InviteeFinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What invitations by age need to know of families and services, in meeting-service's own PostgreSQL
 * (migration {@code db/migration/meeting/V8__invitations.sql}): a family's municipality, a
 * service's municipalities, and a child's birth month.
 *
 * <p>Why a birth month: the public family events carry members' birth dates only sealed with the
 * family's key, which lives in referral-service's own store, and meeting-service must hold no
 * readable personal data outside the family store. So FamilyRegistered and FamilyMemberAdded (v2)
 * publish, for children only, the month of birth, the least that selecting by age needs (never the
 * day, never a name), and this store drops it when the family is erased. Members registered before
 * v2 have no month and are found by list only. The municipality is not personal data:
 * FamilyRegistered and FamilyDetailsChanged carry it readable for exactly this (README, Privacy).
 */
@Component
public class Invitees implements InviteeFinder {

    private final JdbcTemplate jdbc;

    public Invitees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> familiesWithChildBorn(UUID serviceId, YearMonth bornFrom, YearMonth bornTo) {
        return jdbc.queryForList("""
                SELECT f.family_id FROM invitee_family f
                JOIN invitee_service s ON s.service_id = ? AND f.municipality = ANY (s.municipalities)
                WHERE NOT f.erased AND EXISTS (SELECT 1 FROM invitee_child c WHERE c.family_id = f.family_id
                    AND c.birth_month BETWEEN ? AND ?)
                ORDER BY f.family_id""", UUID.class, serviceId, month(bornFrom), month(bornTo));
    }

    /** Records a child's birth month (the first of the month stands for it). Idempotent. */
    public void childBornIn(UUID familyId, UUID memberId, YearMonth month) {
        jdbc.update("""
                INSERT INTO invitee_child (family_id, member_id, birth_month) SELECT ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM invitee_family WHERE family_id = ? AND erased)
                ON CONFLICT (family_id, member_id) DO UPDATE SET birth_month = EXCLUDED.birth_month""",
                familyId, memberId, month(month), familyId);
    }

    public boolean knowsFamilyIn(UUID familyId, String municipality) {
        return !jdbc.queryForList("SELECT 1 FROM invitee_family WHERE family_id = ? AND municipality = ?",
                Integer.class, familyId, municipality).isEmpty();
    }

    public boolean knowsService(UUID serviceId) {
        return !jdbc.queryForList("SELECT 1 FROM invitee_service WHERE service_id = ?", Integer.class, serviceId)
                .isEmpty();
    }

    void familyIn(UUID familyId, String municipality) {
        if (municipality == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO invitee_family (family_id, municipality) VALUES (?, ?)
                ON CONFLICT (family_id) DO UPDATE SET municipality = EXCLUDED.municipality
                WHERE NOT invitee_family.erased""", familyId, municipality);
    }

    void familyErased(UUID familyId) {
        jdbc.update("""
                INSERT INTO invitee_family (family_id, erased) VALUES (?, TRUE)
                ON CONFLICT (family_id) DO UPDATE SET erased = TRUE, municipality = NULL""", familyId);
        jdbc.update("DELETE FROM invitee_child WHERE family_id = ?", familyId);
    }

    void serviceIn(UUID serviceId, List<String> municipalities) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO invitee_service (service_id, municipalities) VALUES (?, ?)
                    ON CONFLICT (service_id) DO UPDATE SET municipalities = EXCLUDED.municipalities""");
            Array names = connection.createArrayOf("text", municipalities == null ? new Object[0]
                    : municipalities.toArray());
            statement.setObject(1, serviceId);
            statement.setArray(2, names);
            return statement;
        });
    }

    private static Date month(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}
