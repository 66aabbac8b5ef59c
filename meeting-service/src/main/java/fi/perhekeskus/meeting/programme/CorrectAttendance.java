package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.GroupSessionHeld;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Replaces the recorded attendance of a held session. */
public record CorrectAttendance(@TargetAggregateIdentifier UUID programmeId, UUID sessionId,
                                List<GroupSessionHeld.Attendance> families, UUID actingAgencyId,
                                String requestedBy, Instant requestedAt) {
}
