package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.family.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A new member (a new baby); the personal data arrives sealed, as in {@link RegisterFamily}. */
public record AddFamilyMember(@TargetAggregateIdentifier UUID familyId, UUID memberId, MemberRole role,
                              Sealed personalData, UUID actingAgencyId, String requestedBy, Instant requestedAt,
                              YearMonth birthMonth) {

    /** A member whose month of birth is not published (see the aggregate: only a child's is). */
    public AddFamilyMember(UUID familyId, UUID memberId, MemberRole role, Sealed personalData, UUID actingAgencyId,
                           String requestedBy, Instant requestedAt) {
        this(familyId, memberId, role, personalData, actingAgencyId, requestedBy, requestedAt, null);
    }
}
