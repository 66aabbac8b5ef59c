package fi.perhekeskus.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record ReceiveReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, String requestedBy,
                              Instant requestedAt) {
}
