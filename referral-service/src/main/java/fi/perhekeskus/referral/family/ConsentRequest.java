package fi.perhekeskus.referral.family;

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
        @NotEmpty List<@NotNull UUID> agencyIds,
        @NotBlank @Size(max = 200) String purpose,
        @NotBlank @Size(max = 200) String givenBy,
        @NotNull @FutureOrPresent LocalDate validUntil) {
}
