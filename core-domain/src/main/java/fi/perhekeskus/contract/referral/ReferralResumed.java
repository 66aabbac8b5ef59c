package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** Work with the family went on: the referral is back in {@code resumedTo}, the state it was held in. */
@EventType(domain = Domains.REFERRAL)
public record ReferralResumed(
        UUID referralId,
        ReferralStatus resumedTo,
        String resumedBy,
        Instant resumedAt
) {
}
