package fi.perhekeskus.referral.referral;

import java.time.Instant;
import java.util.UUID;

/** Internal event (never published): the referral's partner link no longer opens it. */
public record PartnerLinkRevoked(UUID referralId, UUID linkId, String revokedBy, Instant revokedAt) {
}
