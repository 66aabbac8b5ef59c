package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** Work with the family began. */
@EventType(domain = Domains.REFERRAL)
public record ReferralStarted(
        UUID referralId,
        String startedBy,
        Instant startedAt
) {
}
