package fi.perhekeskus.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Revoke the referral's partner link, if it has one: by the sending agency or a coordinator. */
public record RevokePartnerLink(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, boolean coordinator,
                                String requestedBy, Instant requestedAt) {
}
