package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.contract.programme.FamilyInvited;
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
 * {@code db/migration/meeting/V7_15__invitations.sql}.
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

    /** Programmes with an invitation still open at or past its expiry. */
    public List<UUID> programmesWithDueInvitations(Instant now) {
        return jdbc.queryForList("SELECT DISTINCT programme_id FROM invitation_index WHERE open AND expires_at <= ?",
                UUID.class, Timestamp.from(now));
    }
}
