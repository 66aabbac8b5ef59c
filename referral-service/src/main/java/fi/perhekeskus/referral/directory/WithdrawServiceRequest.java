package fi.perhekeskus.referral.directory;

import fi.perhekeskus.infra.web.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WithdrawServiceRequest(@NotBlank @Size(max = Limits.TEXT) String reason) {
}
