package fi.perhekeskus.meeting.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Expire the programme's invitations still unanswered at their {@code expiresAt} (the first
 * session's start). Idempotent: with none due it changes nothing.
 */
public record ExpireInvitations(@TargetAggregateIdentifier UUID programmeId, Instant now) {
}
