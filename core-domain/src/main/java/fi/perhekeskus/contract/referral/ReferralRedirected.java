package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/** The receiver forwarded the family to a better service; a new referral carries it on. */
@EventType(domain = Domains.REFERRAL)
public record ReferralRedirected(
        UUID referralId,
        UUID newReferralId,
        UUID toServiceId,
        UUID toAgencyId,
        @Nullable Sealed note,
        String redirectedBy,
        Instant redirectedAt
) {
}
