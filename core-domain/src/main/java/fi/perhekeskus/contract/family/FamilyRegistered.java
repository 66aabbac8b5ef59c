package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A worker registered a family. Members' personal data is sealed with the family's key. */
@EventType(domain = Domains.REFERRAL)
public record FamilyRegistered(
        UUID familyId,
        UUID registeredByAgencyId,
        String municipality,
        List<String> languages,
        List<Member> members,
        String registeredBy,
        Instant registeredAt
) {

    /** One member: a pseudonymous id, the role, and the personal data sealed as one JSON value. */
    public record Member(UUID memberId, MemberRole role, Sealed personalData) {
    }
}
