package fi.perhekeskus.meeting.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** By a worker of one of the programme's agencies, or a coordinator (no agency). */
public record CancelEnrolment(@TargetAggregateIdentifier UUID programmeId, UUID familyId, UUID actingAgencyId,
                              String requestedBy, Instant requestedAt) {
}
