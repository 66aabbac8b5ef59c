package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.meeting.programme.IssueFeedbackLinks;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;

/** The bodies and answers of the feedback-link endpoints, bounded: 1–100 links, a comment of at most 2,000. */
public final class FeedbackRequests {

    private FeedbackRequests() {
    }

    public record Links(@NotNull @Min(1) @Max(IssueFeedbackLinks.MAX_COUNT) Integer count) {
    }

    /** A family's answers; premisesSuited and comment may be left out. */
    public record Answers(@NotNull Answer timingSuited, @NotNull Answer contentMetNeeds,
                          @NotNull Answer infoMatchedChildAge, Answer premisesSuited,
                          @Size(max = FeedbackPage.COMMENT_MAX) String comment) {
    }

    /** A one-use link: its code, and the address of its form (its QR code at {@code url}/qr.svg). */
    public record FeedbackLinkResponse(String code, URI url) {
    }
}
