package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** The bodies of the referral endpoints (API.md). */
public final class ReferralRequests {

    private ReferralRequests() {
    }

    public record Make(@NotNull UUID familyId, @NotNull UUID serviceId, @NotBlank @Size(max = 4000) String reason,
                       @NotNull NeedLevel needLevel, @NotNull Priority priority, UUID consentId,
                       @Size(max = 500) String legalBasis) {
    }

    public record Accept(@Size(max = 200) String responsibleWorker, LocalDate firstContactOn) {
    }

    public record Decline(@NotBlank @Size(max = 4000) String reason) {
    }

    public record Redirect(@NotNull UUID serviceId, @Size(max = 4000) String note) {
    }

    public record Complete(@NotNull ReferralOutcome outcome, @Size(max = 4000) String note) {
    }

    public record Cancel(@NotBlank @Size(max = 4000) String reason) {
    }
}
