package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A worker registered a family. Members' personal data is sealed with the family's key.
 *
 * <p>Version 2 adds each child's {@code birthMonth}, readable: group programmes invite families by
 * their child's age, and meeting-service cannot open the sealed birth date. A month of birth in a
 * municipality is shared by hundreds of children, and once the family is erased the pseudonymous
 * ids lead nowhere; parents' months are never published.
 */
@EventType(domain = Domains.REFERRAL, version = 2)
public record FamilyRegistered(
        UUID familyId,
        UUID registeredByAgencyId,
        String municipality,
        List<String> languages,
        List<Member> members,
        String registeredBy,
        Instant registeredAt
) {

    /**
     * One member: a pseudonymous id, the role, the personal data sealed as one JSON value and, for a
     * child, the month of birth.
     */
    public record Member(UUID memberId, MemberRole role, Sealed personalData, @Nullable YearMonth birthMonth) {

        /** A member of a version 1 event, or an adult. */
        public Member(UUID memberId, MemberRole role, Sealed personalData) {
            this(memberId, role, personalData, null);
        }
    }
}
