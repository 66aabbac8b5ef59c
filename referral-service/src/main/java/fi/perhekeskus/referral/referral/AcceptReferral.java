package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The responsible worker's name is sealed with the family's key. */
public record AcceptReferral(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, Sealed responsibleWorker,
                             LocalDate firstContactOn, String requestedBy, Instant requestedAt) {
}
