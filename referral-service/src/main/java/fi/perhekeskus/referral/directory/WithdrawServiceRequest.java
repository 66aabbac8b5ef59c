package fi.perhekeskus.referral.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WithdrawServiceRequest(@NotBlank @Size(max = 1000) String reason) {
}
