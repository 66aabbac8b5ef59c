package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.Answer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * A family's own anonymous feedback, given with a one-use link a facilitator handed out; the link
 * was checked and spent before this command. {@code premisesSuited} may be left unanswered.
 */
public record GiveFeedbackByLink(@TargetAggregateIdentifier UUID programmeId, UUID sessionId, UUID feedbackId,
                                 Answer timingSuited, Answer contentMetNeeds, Answer infoMatchedChildAge,
                                 Answer premisesSuited, Instant requestedAt) {
}
