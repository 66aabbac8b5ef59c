package fi.perhekeskus.referral.family;

import fi.perhekeskus.infra.web.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** {@code PUT /api/v1/families/{id}/responsible-worker}: the worker as their token's {@code sub} names them. */
public record ResponsibleWorkerRequest(@NotNull UUID agencyId, @NotBlank @Size(max = Limits.NAME) String workerId) {
}
