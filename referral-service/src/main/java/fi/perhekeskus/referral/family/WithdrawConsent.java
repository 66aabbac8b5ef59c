package fi.perhekeskus.referral.family;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record WithdrawConsent(@TargetAggregateIdentifier UUID familyId, UUID consentId, UUID actingAgencyId,
                              String requestedBy, Instant requestedAt) {
}
