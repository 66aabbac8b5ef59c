package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.InvitationAnswer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The family answers its invitation itself, by the signed link in its invitation mail. */
public record AnswerInvitationByLink(@TargetAggregateIdentifier UUID programmeId, UUID invitationId,
                                     InvitationAnswer answer, Instant requestedAt) {

    /** Who answered, as the event records it. */
    public String answeredBy() {
        return "invitation-link:" + invitationId;
    }
}
