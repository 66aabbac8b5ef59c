package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.InvitationAnswer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A worker of a programme agency records the family's answer; YES enrols the family or waitlists it. */
public record AnswerInvitation(@TargetAggregateIdentifier UUID programmeId, UUID invitationId,
                               InvitationAnswer answer, UUID actingAgencyId, String requestedBy,
                               Instant requestedAt) {
}
