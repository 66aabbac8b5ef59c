package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.family.MemberRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/families}. */
public record FamilyRequest(
        @NotBlank @Size(max = 100) String municipality,
        @NotNull List<@NotBlank @Size(max = 10) String> languages,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull MemberRequest> members) {

    @ValidIdentityCode
    public record MemberRequest(
            @NotNull MemberRole role,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @PastOrPresent LocalDate birthDate,
            String personalIdentityCode) {
    }
}
