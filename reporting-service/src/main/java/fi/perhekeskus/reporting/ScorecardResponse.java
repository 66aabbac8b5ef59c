package fi.perhekeskus.reporting;

import fi.perhekeskus.reporting.suppression.Count;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * An organizer's yearly scorecard (tuloskortti): its agencies' referrals, the group programmes they
 * ran, network meetings and the network's open-place visits. A figure derived from a hidden count is
 * absent.
 */
@Schema(description = "An organizer's yearly scorecard")
public record ScorecardResponse(
        @Schema(description = "The organizer, or \"all\"") String organizer,
        int year,
        int agencies,
        Count referralsMade,
        Count referralsReceived,
        Count referralsAccepted,
        Count referralsCompleted,
        Count referralsEscalated,
        Double acceptanceRate,
        Double medianHoursToAccept,
        int programmes,
        Count plannedFamilies,
        Count enrolledFamilies,
        Double reachRate,
        long sessionsHeld,
        Count fathersAtSessions,
        Count networkMeetings,
        Count openPlaceFamilies,
        Count openPlaceAdults,
        Count openPlaceChildren,
        @Schema(description = "The year's plan per group service against the programmes scheduled and held: every "
                + "service of the organizer's agencies with a plan for the year, and every service of the programmes "
                + "counted above. The services' enrolledFamilies add up to enrolledFamilies.")
        List<ServiceYear> plan) {

    /**
     * One group service's year: the series and families planned (absent without a plan), the series
     * scheduled (its programmes whose first session falls in the year, run by the organizer's
     * agencies), those held (at least one session held) and the families enrolled in them.
     */
    @Schema(name = "ScorecardServiceYear")
    public record ServiceYear(
            UUID serviceId,
            @Schema(description = "The service's name, when the directory knows it") String service,
            int year,
            @Schema(description = "Series planned for the year") Integer plannedSeries,
            @Schema(description = "Families planned per series") Integer plannedFamiliesPerSeries,
            @Schema(description = "plannedSeries × plannedFamiliesPerSeries") Integer plannedFamilies,
            int scheduledSeries,
            int heldSeries,
            Count enrolledFamilies) {
    }
}
