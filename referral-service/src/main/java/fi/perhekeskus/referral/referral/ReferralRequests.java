package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.infra.web.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the referral endpoints (docs/contract.md). */
public final class ReferralRequests {

    private ReferralRequests() {
    }

    public record Make(@NotNull UUID familyId, @NotNull UUID serviceId, @NotBlank @Size(max = Limits.TEXT) String reason,
                       @NotNull NeedLevel needLevel, @NotNull Priority priority, UUID consentId,
                       @Size(max = Limits.TEXT) String legalBasis,
                       // The children it concerns, by their member ids (at most as many as a family has members).
                       @Size(max = Limits.MEMBERS) List<@NotNull UUID> memberIds) {
    }

    public record Accept(@Size(max = Limits.NAME) String responsibleWorker, @PlausibleDate LocalDate firstContactOn) {
    }

    public record Decline(@NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    public record Redirect(@NotNull UUID serviceId, @Size(max = Limits.TEXT) String note) {
    }

    public record Complete(@NotNull ReferralOutcome outcome, @Size(max = Limits.TEXT) String note) {
    }

    public record Cancel(@NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    public record Hold(@NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    public record HandoverMeeting(@NotNull @PlausibleDate LocalDate heldOn, @NotNull Boolean familyPresent,
                                  @Size(max = Limits.TEXT) String note) {
    }
}
