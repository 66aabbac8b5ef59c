package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/** The sender cancelled an open referral. */
@EventType(domain = Domains.REFERRAL)
public record ReferralCancelled(
        UUID referralId,
        Sealed reason,
        String cancelledBy,
        Instant cancelledAt
) {
}
