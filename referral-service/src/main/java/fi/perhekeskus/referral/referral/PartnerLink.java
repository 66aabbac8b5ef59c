package fi.perhekeskus.referral.referral;

import java.time.Instant;
import java.util.UUID;

/** The referral's one valid partner link, as the aggregate knows it (its secret only as a hash). */
public record PartnerLink(UUID linkId, UUID receiverAgencyId, String secretHash, Instant expiresAt) {
}
