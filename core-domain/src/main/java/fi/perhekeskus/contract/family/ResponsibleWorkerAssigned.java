package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/**
 * The family got its own named worker across services (oma työntekijä, vastuutyöntekijä); the
 * previous one, if any, handed the family over at {@code assignedAt}. The worker's id is sealed with
 * the family's key: it names a person and says that this person works with this family, so it is
 * erased with the family. The agency is not sealed (it is a public unit of the network).
 */
@EventType(domain = Domains.REFERRAL)
public record ResponsibleWorkerAssigned(
        UUID familyId,
        UUID agencyId,
        Sealed worker,
        @Nullable UUID previousAgencyId,
        UUID assignedByAgencyId,
        String assignedBy,
        Instant assignedAt
) {
}
