package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.infra.web.Limits;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/v1/services} and, without {@code agencyId}, {@code PUT /api/v1/services/{id}}. */
public record ServiceRequest(
        UUID agencyId,
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull ServiceKind kind,
        @NotNull NeedLevel needLevel,
        @NotNull @Min(0) @Max(216) Integer ageFromMonths,
        @NotNull @Min(0) @Max(216) Integer ageToMonths,
        @NotEmpty @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.NAME) String> municipalities,
        @NotEmpty @Size(max = Limits.LANGUAGES) List<@NotBlank @Size(max = Limits.LANGUAGE_TAG) String> languages,
        @Size(max = Limits.TEXT) String description) {

    @AssertTrue(message = "ageToMonths must not be below ageFromMonths")
    public boolean isAgeRangeOrdered() {
        return ageFromMonths == null || ageToMonths == null || ageToMonths >= ageFromMonths;
    }
}
