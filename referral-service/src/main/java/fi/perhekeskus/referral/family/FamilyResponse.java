package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.family.MemberRole;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/families/{id}}: the family with its personal data, opened for an allowed reader. */
public record FamilyResponse(UUID id, String municipality, List<String> languages, boolean erased,
                             List<Member> members, List<Consent> consents, Contact contact,
                             ResponsibleWorker responsibleWorker, List<ResponsibleWorker> responsibleWorkerHistory) {

    /** One responsible worker's time with the family; {@code until} is null for the current one. */
    public record ResponsibleWorker(UUID agencyId, String workerId, String since, String until) {
    }

    public record Member(UUID memberId, MemberRole role, String givenName, String familyName, String birthDate,
                         String personalIdentityCode) {
    }

    public record Consent(UUID id, List<UUID> agencyIds, String purpose, String givenBy, String validUntil,
                          boolean withdrawn) {
    }
}
