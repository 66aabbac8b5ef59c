package fi.perhekeskus.referral.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral as its parties see it. {@code reason}, {@code declineReason}, {@code redirectNote},
 * {@code completionNote} and {@code cancelReason} are the family's personal data: present only in
 * the detail, while the reader's agency may see the family; otherwise {@code personalDataWithheld}
 * is true. {@code legalBasis} and {@code responsibleWorker} are for both parties. Each is sealed in
 * events and views and reads "[erased]" once the family is erased.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralResponse(UUID id, ReferralStatus status, UUID familyId, UUID serviceId, UUID senderAgencyId,
                               UUID receiverAgencyId, String municipality, NeedLevel needLevel, Priority priority,
                               UUID consentId, String legalBasis, String reason, String declineReason,
                               String redirectNote, String completionNote, String cancelReason,
                               Boolean personalDataWithheld,
                               UUID redirectedFrom, UUID redirectedTo, ReferralOutcome outcome,
                               String responsibleWorker, String firstContactOn, List<String> escalations,
                               Instant madeAt, Instant updatedAt, List<Step> history) {

    public record Step(String step, ReferralStatus status, Instant at, String by, UUID agencyId, String detail) {
    }
}
