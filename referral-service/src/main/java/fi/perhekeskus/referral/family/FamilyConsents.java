package fi.perhekeskus.referral.family;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Asks a family's own aggregate, inside the calling unit of work, whether it shares with an agency. */
public interface FamilyConsents {

    /** Empty when the family is unknown, erased, or shares nothing with the agency. */
    Optional<SharingBasis> basisFor(UUID familyId, UUID agencyId, UUID consentId, LocalDate today);

    /** Whether the family holds the consent (valid, expired or withdrawn). */
    boolean hasConsent(UUID familyId, UUID consentId);

    /** Whether the family withdrew the consent (false for one it never gave). */
    boolean isWithdrawn(UUID familyId, UUID consentId);

    /** The family's municipality (not personal data: reports are filtered by it). */
    Optional<String> municipality(UUID familyId);

    /**
     * The ids of the family's members (empty when the family is unknown); a referral names among them
     * the children it concerns. A default so that stand-ins for tests that name no members need not.
     */
    default Set<UUID> memberIds(UUID familyId) {
        return Set.of();
    }
}
