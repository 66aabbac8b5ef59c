package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.family.MemberRole;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.infra.web.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/families}. {@code contact} is optional here as in {@code PATCH}: given with the
 * family's consent at registration, it is sealed with the family's key like its other personal data.
 */
public record FamilyRequest(
        @NotBlank @Size(max = Limits.NAME) String municipality,
        @NotNull @Size(max = Limits.LANGUAGES) List<@NotBlank @Size(max = Limits.LANGUAGE_TAG) String> languages,
        @NotEmpty @Size(max = Limits.MEMBERS) List<@Valid @NotNull MemberRequest> members,
        @Valid FamilyChangeRequest.ContactRequest contact) {

    @ValidIdentityCode
    public record MemberRequest(
            @NotNull MemberRole role,
            @NotBlank @Size(max = Limits.NAME) String givenName,
            @NotBlank @Size(max = Limits.NAME) String familyName,
            @NotNull @PastOrPresent @PlausibleDate LocalDate birthDate,
            // DDMMYYCZZZQ; its form and check character are ValidIdentityCode's.
            @Size(max = 11) String personalIdentityCode) {
    }
}
