package fi.perhekeskus.reporting;

import fi.perhekeskus.reporting.suppression.Count;
import io.swagger.v3.oas.annotations.media.Schema;

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
        Count openPlaceChildren) {
}
