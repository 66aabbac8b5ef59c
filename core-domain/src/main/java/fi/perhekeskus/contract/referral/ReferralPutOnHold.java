package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/**
 * The receiver paused work with the family (the family asked for a break, a parent is in hospital, ...);
 * {@code heldIn} is the state that a resume returns to. The reason is the family's personal data, sealed
 * with its key.
 */
@EventType(domain = Domains.REFERRAL)
public record ReferralPutOnHold(
        UUID referralId,
        ReferralStatus heldIn,
        Sealed reason,
        String heldBy,
        Instant heldAt
) {
}
