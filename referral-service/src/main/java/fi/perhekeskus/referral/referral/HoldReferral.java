package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The receiver pauses an accepted or started referral; the reason is sealed with the family's key. */
public record HoldReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, Sealed reason,
                           String requestedBy, Instant requestedAt) {
}
