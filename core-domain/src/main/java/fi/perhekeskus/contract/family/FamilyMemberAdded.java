package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/**
 * A member joined a registered family (typically a new baby). As in {@link FamilyRegistered}, the
 * member's names, birth date and identity code travel only sealed with the family's key.
 */
@EventType(domain = Domains.REFERRAL)
public record FamilyMemberAdded(
        UUID familyId,
        UUID memberId,
        MemberRole role,
        Sealed personalData,
        UUID addedByAgencyId,
        String addedBy,
        Instant addedAt
) {
}
