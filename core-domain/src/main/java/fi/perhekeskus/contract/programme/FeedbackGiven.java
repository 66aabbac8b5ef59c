package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/** Anonymous feedback after a session. The comment, free text, is sealed. */
@EventType(domain = Domains.MEETING)
public record FeedbackGiven(
        UUID programmeId,
        UUID sessionId,
        UUID feedbackId,
        Answer timingSuited,
        Answer contentMetNeeds,
        Answer infoMatchedChildAge,
        @Nullable Sealed comment,
        Instant givenAt
) {
}
