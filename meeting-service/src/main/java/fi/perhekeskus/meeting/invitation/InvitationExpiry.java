package fi.perhekeskus.meeting.invitation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import fi.perhekeskus.meeting.programme.ExpireInvitations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Expires invitations left unanswered when the first session began. The module configures no
 * persistent deadline manager (Axon's default one forgets its deadlines on a restart), so this is a
 * scheduled sweep over {@link InvitationIndex}: what is due is read from the database on every run,
 * so a restart loses nothing, and {@link ExpireInvitations} is idempotent, so two instances sweeping
 * at once, or a sweep repeated after a failure, expire each invitation once.
 */
@Component
public class InvitationExpiry {

    private static final Logger log = LoggerFactory.getLogger(InvitationExpiry.class);

    private final InvitationIndex index;
    private final CommandGateway commands;
    private final Clock clock;

    public InvitationExpiry(InvitationIndex index, CommandGateway commands, Clock clock) {
        this.index = index;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${perhekeskus.invitations.expiry-interval:PT1M}",
            initialDelayString = "${perhekeskus.invitations.expiry-interval:PT1M}")
    public void sweep() {
        expireDue(clock.instant());
    }

    /** Expires what is due at {@code now}; returns how many invitations expired. */
    public int expireDue(Instant now) {
        int expired = 0;
        for (UUID programme : index.programmesWithDueInvitations(now)) {
            try {
                Integer count = commands.sendAndWait(new ExpireInvitations(programme, now));
                expired += count == null ? 0 : count;
            } catch (RuntimeException e) {
                // The next sweep tries again; ids only in the log.
                log.warn("expiring the invitations of programme {} failed: {}", programme, e.toString());
            }
        }
        return expired;
    }
}
