package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/** Work with the family ended; the outcome closes the loop back to the sender. */
@EventType(domain = Domains.REFERRAL)
public record ReferralCompleted(
        UUID referralId,
        ReferralOutcome outcome,
        @Nullable Sealed note,
        String completedBy,
        Instant completedAt
) {
}
