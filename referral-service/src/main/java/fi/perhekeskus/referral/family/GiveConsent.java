package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record GiveConsent(@TargetAggregateIdentifier UUID familyId, UUID consentId, List<UUID> agencyIds,
                          Sealed purpose, Sealed givenBy, LocalDate validUntil, UUID actingAgencyId,
                          String requestedBy, Instant requestedAt) {
}
