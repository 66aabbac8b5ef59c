package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** The receiving agency acknowledged the referral. */
@EventType(domain = Domains.REFERRAL)
public record ReferralReceived(
        UUID referralId,
        UUID receiverAgencyId,
        String receivedBy,
        Instant receivedAt
) {
}
