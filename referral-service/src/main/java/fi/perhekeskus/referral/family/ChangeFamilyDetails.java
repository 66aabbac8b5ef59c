package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A null field is left as it is; the contact details arrive sealed and replace the old ones as a whole. */
public record ChangeFamilyDetails(@TargetAggregateIdentifier UUID familyId, String municipality, List<String> languages,
                                  Sealed contact, UUID actingAgencyId, String requestedBy, Instant requestedAt) {
}
