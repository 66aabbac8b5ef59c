package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/** The receiver declined the referral, with a reason for the sender. */
@EventType(domain = Domains.REFERRAL)
public record ReferralDeclined(
        UUID referralId,
        Sealed reason,
        String declinedBy,
        Instant declinedAt
) {
}
