package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.OrganizerType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/agencies}. */
public record RegisterAgencyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganizerType organizerType,
        @NotBlank @Size(max = 200) String organizerName,
        @NotBlank @Size(max = 100) String municipality) {
}
