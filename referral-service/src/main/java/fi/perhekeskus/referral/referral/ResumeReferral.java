package fi.perhekeskus.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The receiver takes a held referral up again, in the state it was held in. */
public record ResumeReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, String requestedBy,
                             Instant requestedAt) {
}
