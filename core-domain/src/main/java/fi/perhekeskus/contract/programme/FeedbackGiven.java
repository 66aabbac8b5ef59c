package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/**
 * Anonymous feedback after a session. The comment, free text, is sealed.
 * Version 2 added whether the premises suited (asked since families answer by their own link); a
 * version 1 event is upcast without it.
 */
@EventType(domain = Domains.MEETING, version = 2)
public record FeedbackGiven(
        UUID programmeId,
        UUID sessionId,
        UUID feedbackId,
        Answer timingSuited,
        Answer contentMetNeeds,
        Answer infoMatchedChildAge,
        @Nullable Answer premisesSuited,
        @Nullable Sealed comment,
        Instant givenAt
) {

    /** Feedback without the premises question. */
    public FeedbackGiven(UUID programmeId, UUID sessionId, UUID feedbackId, Answer timingSuited,
                         Answer contentMetNeeds, Answer infoMatchedChildAge, Sealed comment, Instant givenAt) {
        this(programmeId, sessionId, feedbackId, timingSuited, contentMetNeeds, infoMatchedChildAge, null, comment,
                givenAt);
    }
}
