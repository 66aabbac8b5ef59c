package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.family.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A new member (a new baby); the personal data arrives sealed, as in {@link RegisterFamily}. */
public record AddFamilyMember(@TargetAggregateIdentifier UUID familyId, UUID memberId, MemberRole role,
                              Sealed personalData, UUID actingAgencyId, String requestedBy, Instant requestedAt) {
}
