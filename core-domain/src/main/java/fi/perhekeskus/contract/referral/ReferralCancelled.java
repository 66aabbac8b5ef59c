package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/** The sender cancelled an open referral. */
@EventType(domain = EventCatalog.REFERRAL)
public record ReferralCancelled(
        UUID referralId,
        Sealed reason,
        String cancelledBy,
        Instant cancelledAt
) {
}
