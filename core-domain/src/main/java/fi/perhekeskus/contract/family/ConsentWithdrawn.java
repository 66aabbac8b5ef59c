package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** A consent was withdrawn; sharing under it stops at once. */
@EventType(domain = Domains.REFERRAL)
public record ConsentWithdrawn(
        UUID familyId,
        UUID consentId,
        String withdrawnBy,
        Instant withdrawnAt
) {
}
