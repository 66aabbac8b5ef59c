package fi.perhekeskus.referral.family;

import fi.perhekeskus.infra.web.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code PATCH /api/v1/families/{id}}: an absent field is left as it is. {@code contact}, when given,
 * replaces the family's contact details as a whole (an absent e-mail or phone in it is removed):
 * the service never opens the old details to merge them.
 */
public record FamilyChangeRequest(
        @Size(min = 1, max = Limits.NAME) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String municipality,
        @Size(max = Limits.LANGUAGES) List<@NotBlank @Size(max = Limits.LANGUAGE_TAG) String> languages,
        @Valid ContactRequest contact) {

    public boolean changesNothing() {
        return municipality == null && languages == null && contact == null;
    }

    public record ContactRequest(
            @Email @Size(max = Limits.NAME) String email,
            // International or national form: digits, spaces, dashes and brackets, an optional leading +.
            @Pattern(regexp = "^\\+?[0-9 ()-]{5,30}$", message = "is not a phone number") String phone) {
    }
}
