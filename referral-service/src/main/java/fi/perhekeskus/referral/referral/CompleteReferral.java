package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record CompleteReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId,
                               ReferralOutcome outcome, Sealed note, String requestedBy, Instant requestedAt) {
}
