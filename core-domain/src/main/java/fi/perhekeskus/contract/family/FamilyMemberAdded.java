package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A member joined a registered family (typically a new baby). As in {@link FamilyRegistered}, the
 * member's names, birth date and identity code travel only sealed with the family's key; version 2
 * adds a child's {@code birthMonth}, readable, for invitations by age (see {@link FamilyRegistered}).
 */
@EventType(domain = Domains.REFERRAL, version = 2)
public record FamilyMemberAdded(
        UUID familyId,
        UUID memberId,
        MemberRole role,
        Sealed personalData,
        UUID addedByAgencyId,
        String addedBy,
        Instant addedAt,
        @Nullable YearMonth birthMonth
) {

    /** A member of a version 1 event, or an adult. */
    public FamilyMemberAdded(UUID familyId, UUID memberId, MemberRole role, Sealed personalData, UUID addedByAgencyId,
                             String addedBy, Instant addedAt) {
        this(familyId, memberId, role, personalData, addedByAgencyId, addedBy, addedAt, null);
    }
}
