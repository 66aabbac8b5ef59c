package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The family's own worker across services; the worker's id arrives sealed with the family's key. */
public record AssignResponsibleWorker(@TargetAggregateIdentifier UUID familyId, UUID agencyId, Sealed worker,
                                      UUID actingAgencyId, String requestedBy, Instant requestedAt) {
}
