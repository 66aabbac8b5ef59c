package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record CancelReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, Sealed reason,
                              String requestedBy, Instant requestedAt) {
}
