package fi.perhekeskus.referral.family;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record EraseFamily(@TargetAggregateIdentifier UUID familyId, String requestedBy, Instant requestedAt) {
}
