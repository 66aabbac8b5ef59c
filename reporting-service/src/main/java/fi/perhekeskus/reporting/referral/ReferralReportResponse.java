package fi.perhekeskus.reporting.referral;

import fi.perhekeskus.reporting.suppression.Count;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One group of the referral report (a receiving agency, a service or a month): the counts of each
 * step, the completed ones by outcome, those ever put on hold and those with a warm hand-over, the
 * acceptance rate and medians, and the need-level mix. A figure derived from a hidden count is absent.
 */
@Schema(description = "One group of the referral flow report")
public record ReferralReportResponse(
        @Schema(description = "The receiving agency's id, the service's id or the month (yyyy-MM)") String group,
        @Schema(description = "The agency's or service's name, or the month") String label,
        Count made,
        Count received,
        Count accepted,
        Count declined,
        Count redirected,
        Count completed,
        Count cancelled,
        Count escalated,
        Count goalMet,
        Count partlyMet,
        Count notMet,
        Count familyWithdrew,
        Count onHold,
        Count handovers,
        @Schema(description = "accepted of accepted+declined+redirected, two decimals; absent when withheld or none decided")
        Double acceptanceRate,
        Double medianHoursToReceive,
        Double medianHoursToAccept,
        Count needGreen,
        Count needYellow,
        Count needRed) {
}
