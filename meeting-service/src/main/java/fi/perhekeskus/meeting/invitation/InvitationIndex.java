package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.InvitationExpired;
import fi.perhekeskus.meeting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which programme an invitation belongs to and which invitations are still open: written in the same
 * transaction that stores the events (a subscribing handler), so an answer finds its programme and
 * the expiry sweep its due invitations without waiting for a view. Table: migration
 * {@code db/migration/meeting/V8__invitations.sql}.
 */
@Component
@ProcessingGroup(ProcessingGroups.INVITATION_INDEX)
public class InvitationIndex {

    private final JdbcTemplate jdbc;

    public InvitationIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FamilyInvited e) {
        jdbc.update("INSERT INTO invitation_index (invitation_id, programme_id, expires_at, open) "
                + "VALUES (?, ?, ?, TRUE) ON CONFLICT DO NOTHING", e.invitationId(), e.programmeId(),
                Timestamp.from(e.expiresAt()));
    }

    /*
     * The sessions' starts, so that the sweep finds a programme whose first session moved: an invitation
     * ends when the first session not cancelled begins, as the aggregate decides. A programme scheduled
     * before this table existed has no rows; its invitations end at their expiresAt.
     */
    @EventHandler
    void on(ProgrammeScheduled e) {
        for (ProgrammeScheduled.Session s : e.sessions()) {
            jdbc.update("INSERT INTO invitation_session (session_id, programme_id, starts_at, cancelled) "
                    + "VALUES (?, ?, ?, FALSE) ON CONFLICT DO NOTHING", s.sessionId(), e.programmeId(),
                    Timestamp.from(s.startsAt()));
        }
    }

    @EventHandler
    void on(GroupSessionRescheduled e) {
        jdbc.update("UPDATE invitation_session SET starts_at = ? WHERE session_id = ?", Timestamp.from(e.startsAt()),
                e.sessionId());
    }

    @EventHandler
    void on(GroupSessionCancelled e) {
        jdbc.update("UPDATE invitation_session SET cancelled = TRUE WHERE session_id = ?", e.sessionId());
    }

    @EventHandler
    void on(InvitationAnswered e) {
        close(e.invitationId());
    }

    @EventHandler
    void on(InvitationExpired e) {
        close(e.invitationId());
    }

    private void close(UUID invitationId) {
        jdbc.update("UPDATE invitation_index SET open = FALSE WHERE invitation_id = ?", invitationId);
    }

    public Optional<UUID> programmeOf(UUID invitationId) {
        return jdbc.queryForList("SELECT programme_id FROM invitation_index WHERE invitation_id = ?", UUID.class,
                invitationId).stream().findFirst();
    }

    /** Programmes with an invitation still open whose first session (not cancelled) has begun at {@code now}. */
    public List<UUID> programmesWithDueInvitations(Instant now) {
        return jdbc.queryForList("""
                SELECT DISTINCT i.programme_id FROM invitation_index i
                WHERE i.open AND COALESCE((SELECT min(s.starts_at) FROM invitation_session s
                    WHERE s.programme_id = i.programme_id AND NOT s.cancelled), i.expires_at) <= ?""",
                UUID.class, Timestamp.from(now));
    }
}
