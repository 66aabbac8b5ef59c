package fi.perhekeskus.reporting.programme;

import com.fasterxml.jackson.annotation.JsonProperty;
import fi.perhekeskus.reporting.suppression.Count;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A programme's reach against plan, attendance per session and feedback per question. A figure
 * derived from a hidden count (a rate, a percent) is absent.
 */
@Schema(description = "A programme's reach against plan, attendance per session and feedback per question")
public record ProgrammeReportResponse(
        UUID programmeId,
        String name,
        Count plannedFamilies,
        Count enrolledFamilies,
        @Schema(description = "enrolled of planned, two decimals") Double reachRate,
        @Schema(description = "Distinct families that came with a father to at least one session") Count fathersReached,
        List<Session> sessions,
        Feedback feedback) {

    /** One planned session and its attendance. */
    public record Session(UUID sessionId, Instant startsAt, boolean held, Count families, Count fathers,
                          Count children) {
    }

    /** The answers per question. */
    public record Feedback(Question timingSuited, Question contentMetNeeds, Question infoMatchedChildAge) {
    }

    /** One question's responses and its answers, which add up to them. */
    public record Question(Count responses,
                           @JsonProperty("YES") Share yes,
                           @JsonProperty("PARTLY") Share partly,
                           @JsonProperty("NO") Share no) {
    }

    /** How many gave an answer, and their whole percent of the responses. */
    public record Share(Count count, Integer percent) {
    }
}
