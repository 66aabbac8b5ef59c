package fi.perhekeskus.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record AcceptReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, String responsibleWorker,
                             LocalDate firstContactOn, String requestedBy, Instant requestedAt) {
}
