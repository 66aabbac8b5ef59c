package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The receiver forwards the family to a better service; a new referral carries it on, with the
 * service levels of this referral's priority counted from the redirect.
 */
public record RedirectReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, UUID newReferralId,
                               UUID toServiceId, Sealed note, String requestedBy, Instant requestedAt) {
}
