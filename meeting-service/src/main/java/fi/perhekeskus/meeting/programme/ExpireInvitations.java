package fi.perhekeskus.meeting.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Expire the programme's invitations still unanswered once its first session (as it stands now) has
 * begun at {@code now}. Idempotent: with none due it changes nothing.
 */
public record ExpireInvitations(@TargetAggregateIdentifier UUID programmeId, Instant now) {
}
