package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The note is sealed with the programme's key ({@link ProgrammeNotes}). */
public record RescheduleSession(@TargetAggregateIdentifier UUID programmeId, UUID sessionId, Instant startsAt,
                                Instant endsAt, SessionChangeReason reasonCode, Sealed note,
                                UUID actingAgencyId, String requestedBy, Instant requestedAt) {
}
