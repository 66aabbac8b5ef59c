package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.Answer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record GiveFeedback(@TargetAggregateIdentifier UUID programmeId, UUID sessionId, UUID feedbackId,
                           Answer timingSuited, Answer contentMetNeeds, Answer infoMatchedChildAge,
                           UUID actingAgencyId, Instant requestedAt) {
}
