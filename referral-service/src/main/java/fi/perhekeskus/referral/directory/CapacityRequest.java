package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/services/{id}/capacity}; waitWeeks only with WAITLIST (the aggregate's rule, 422). */
public record CapacityRequest(@NotNull CapacityStatus status,
                              @Min(0) @Max(Capacity.MAX_WAIT_WEEKS) Integer waitWeeks) {
}
