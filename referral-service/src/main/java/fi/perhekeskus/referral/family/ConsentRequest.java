package fi.perhekeskus.referral.family;

import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.infra.web.PlausibleDate;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code POST /api/v1/families/{id}/consents}. */
public record ConsentRequest(
        @NotEmpty @Size(max = Limits.AGENCY_IDS) List<@NotNull UUID> agencyIds,
        @NotBlank @Size(max = Limits.NAME) String purpose,
        @NotBlank @Size(max = Limits.NAME) String givenBy,
        @NotNull @FutureOrPresent @PlausibleDate LocalDate validUntil) {
}
