package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.infra.web.Limits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /api/v1/agencies}. */
public record RegisterAgencyRequest(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull OrganizerType organizerType,
        @NotBlank @Size(max = Limits.NAME) String organizerName,
        @NotBlank @Size(max = Limits.NAME) String municipality,
        // Optional: the municipalities the agency serves; its home municipality when absent.
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.NAME) String> servedMunicipalities,
        // Optional: the agency's office address for notifications (new referrals, escalations); a link only is sent.
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String contactEmail) {
}
