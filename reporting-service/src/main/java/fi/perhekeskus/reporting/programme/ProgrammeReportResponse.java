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
        @Schema(description = "The invitation funnel: of the families invited, those that answered (yes or no), "
                + "those enrolled now and those present at a held session") Funnel funnel,
        List<Session> sessions,
        Feedback feedback,
        @Schema(description = "COORDINATOR only: the agencies' evaluations of the programme, with their texts as "
                + "meeting-service opens them for the coordinator (they are sealed with the programme's own key, "
                + "which only meeting-service holds)")
        List<Evaluation> evaluations,
        @Schema(description = "COORDINATOR only: SHOWN when the evaluations carry their texts, UNAVAILABLE when "
                + "meeting-service could not be asked for them (the report is otherwise whole)")
        EvaluationTexts evaluationTexts) {

    /** Whether the evaluations' texts could be read for this report. */
    public enum EvaluationTexts { SHOWN, UNAVAILABLE }

    /** Distinct families at each step of the invitations; each step counts families of the one before it. */
    @Schema(name = "ProgrammeReportFunnel")
    public record Funnel(Count invited, Count answered, Count enrolled, Count attended) {
    }

    /** One planned session, its attendance and (COORDINATOR only) the feedback given after it. */
    @Schema(name = "ProgrammeReportSession")
    public record Session(UUID sessionId, Instant startsAt, boolean held, Count families, Count fathers,
                          Count children,
                          @Schema(description = "COORDINATOR only: the feedback given after this session; the "
                                  + "sessions' answers add up to the programme's") Feedback feedback) {
    }

    /** An agency's evaluation of the programme: who, when, and what it says ("tämän tekisin toisin"). */
    @Schema(name = "ProgrammeReportEvaluation")
    public record Evaluation(UUID agencyId, @Schema(description = "The agency's name, when known") String agency,
                             Instant evaluatedAt,
                             @Schema(description = "What worked well; absent when the texts are UNAVAILABLE") String workedWell,
                             @Schema(description = "What to develop; absent when the texts are UNAVAILABLE") String toDevelop,
                             @Schema(description = "Proposals; absent when the texts are UNAVAILABLE") String proposals) {
    }

    /** The answers per question. */
    @Schema(name = "ProgrammeReportFeedback")
    public record Feedback(Question timingSuited, Question contentMetNeeds, Question infoMatchedChildAge) {
    }

    /** One question's responses and its answers, which add up to them. */
    @Schema(name = "ProgrammeReportQuestion")
    public record Question(Count responses,
                           @JsonProperty("YES") Share yes,
                           @JsonProperty("PARTLY") Share partly,
                           @JsonProperty("NO") Share no) {
    }

    /** How many gave an answer, and their whole percent of the responses. */
    @Schema(name = "ProgrammeReportShare")
    public record Share(Count count, Integer percent) {
    }
}
