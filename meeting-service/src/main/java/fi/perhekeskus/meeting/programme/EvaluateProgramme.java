package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** An agency's evaluation of a programme it runs, once per agency; the texts sealed with the programme's key. */
public record EvaluateProgramme(@TargetAggregateIdentifier UUID programmeId, Sealed workedWell, Sealed toDevelop,
                                Sealed proposals, UUID actingAgencyId, String requestedBy, Instant requestedAt) {
}
