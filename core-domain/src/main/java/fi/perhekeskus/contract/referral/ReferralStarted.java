package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** Work with the family began. */
@EventType(domain = EventCatalog.REFERRAL)
public record ReferralStarted(
        UUID referralId,
        String startedBy,
        Instant startedAt
) {
}
