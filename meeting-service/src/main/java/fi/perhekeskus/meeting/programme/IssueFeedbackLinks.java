package fi.perhekeskus.meeting.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * A session's facilitator asks for {@code count} one-use links for the families to give their own
 * feedback. The programme only decides whether it may (who asks, and that the session has begun):
 * the links themselves are secrets kept hashed outside the events.
 */
public record IssueFeedbackLinks(@TargetAggregateIdentifier UUID programmeId, UUID sessionId, int count,
                                 UUID actingAgencyId, String requestedBy, Instant requestedAt) {

    /** The most links one request hands out. */
    public static final int MAX_COUNT = 100;
}
