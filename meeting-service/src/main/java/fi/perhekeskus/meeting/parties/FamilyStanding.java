package fi.perhekeskus.meeting.parties;

import java.util.Set;
import java.util.UUID;

/**
 * What meeting-service knows of a family that exists and is not erased: the agency that registered
 * it and the agencies its valid consents cover today. Ids only, no personal data.
 */
public record FamilyStanding(UUID familyId, UUID registeredByAgencyId, Set<UUID> coveredAgencies) {

    public FamilyStanding {
        coveredAgencies = Set.copyOf(coveredAgencies);
    }

    public boolean covers(UUID agencyId) {
        return coveredAgencies.contains(agencyId);
    }

    /**
     * Whether the agency may be told that the family exists although no consent covers it: only the
     * agency that registered the family, which knows that already. Everyone else is answered as if
     * the family were unknown.
     */
    public boolean registeredBy(UUID agencyId) {
        return agencyId != null && agencyId.equals(registeredByAgencyId);
    }
}
