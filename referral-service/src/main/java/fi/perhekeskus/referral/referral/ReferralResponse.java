package fi.perhekeskus.referral.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A referral as its parties see it: the sender learns what came of it. {@code reason},
 * {@code declineReason}, {@code redirectNote}, {@code completionNote}, {@code cancelReason},
 * {@code onHoldReason} and the hand-over notes are the family's personal data: present only in the
 * detail, while the reader's agency may see the family; otherwise {@code personalDataWithheld} is
 * true. {@code consentWithdrawn} (detail only) is true once the consent the referral rested on is
 * withdrawn; its receiver then sees none of them. {@code enrolment} is what a group referral led to
 * in meeting-service. {@code legalBasis} and {@code responsibleWorker} are for both parties. Each free
 * text is sealed in events and views and reads "[erased]" once the family is erased.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralResponse(UUID id, ReferralStatus status, UUID familyId, UUID serviceId, UUID senderAgencyId,
                               UUID receiverAgencyId, String municipality, NeedLevel needLevel, Priority priority,
                               UUID consentId, String legalBasis, String reason, String declineReason,
                               String redirectNote, String completionNote, String cancelReason, String onHoldReason,
                               Boolean personalDataWithheld, Boolean consentWithdrawn,
                               UUID redirectedFrom, UUID redirectedTo, ReferralOutcome outcome,
                               String responsibleWorker, String firstContactOn, Enrolment enrolment,
                               List<HandoverMeeting> handoverMeetings, List<String> escalations,
                               Instant madeAt, Instant updatedAt, List<Step> history) {

    public record Step(String step, ReferralStatus status, Instant at, String by, UUID agencyId, String detail) {
    }

    /** The programme a group referral placed the family in, and whether it got a place or waits for one. */
    public record Enrolment(UUID programmeId, ReferralEnrolmentProjection.Status status) {
    }

    /** A warm hand-over meeting; the note only where the family's data may be seen. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandoverMeeting(UUID id, LocalDate heldOn, boolean familyPresent, UUID recordedByAgencyId,
                                  String note) {
    }
}
