package fi.perhekeskus.referral.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * Internal event (no contract type: it never leaves the service): the referral's partner link, which
 * supersedes any earlier one. Ids, a hash and times only: nothing personal, and not the link itself.
 */
public record PartnerLinkIssued(UUID referralId, UUID linkId, UUID receiverAgencyId, String secretHash,
                                Instant expiresAt, String issuedBy, Instant issuedAt) {
}
