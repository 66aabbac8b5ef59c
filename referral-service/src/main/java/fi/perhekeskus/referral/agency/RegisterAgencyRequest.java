package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.OrganizerType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /api/v1/agencies}. */
public record RegisterAgencyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganizerType organizerType,
        @NotBlank @Size(max = 200) String organizerName,
        @NotBlank @Size(max = 100) String municipality,
        // Optional: the municipalities the agency serves; its home municipality when absent.
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> servedMunicipalities) {
}
