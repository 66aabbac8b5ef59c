package fi.perhekeskus.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Issue a partner link (a login-free page for a receiving agency with no system of its own): by the
 * sending agency, or by a network coordinator ({@code coordinator}, who acts for no agency).
 *
 * @param secretHash SHA-256 (hex) of the link's random secret: the link itself is never stored
 */
public record IssuePartnerLink(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, boolean coordinator,
                               UUID linkId, String secretHash, Instant expiresAt, String requestedBy,
                               Instant requestedAt) {
}
