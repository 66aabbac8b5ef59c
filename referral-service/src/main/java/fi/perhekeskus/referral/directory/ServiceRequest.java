package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
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
        @NotBlank @Size(max = 200) String name,
        @NotNull ServiceKind kind,
        @NotNull NeedLevel needLevel,
        @NotNull @Min(0) @Max(216) Integer ageFromMonths,
        @NotNull @Min(0) @Max(216) Integer ageToMonths,
        @NotEmpty List<@NotBlank @Size(max = 100) String> municipalities,
        @NotEmpty List<@NotBlank @Size(max = 10) String> languages,
        @Size(max = 4000) String description) {

    @AssertTrue(message = "ageToMonths must not be below ageFromMonths")
    public boolean isAgeRangeOrdered() {
        return ageFromMonths == null || ageToMonths == null || ageToMonths >= ageFromMonths;
    }
}
