package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * A programme's agency invited a family (by a list, or because its child's age fits the programme).
 * The invitation is the agency's duty, not a nurse's errand: it expires when the first session
 * begins ({@code expiresAt}) unless answered.
 */
@EventType(domain = Domains.MEETING)
public record FamilyInvited(
        UUID programmeId,
        UUID invitationId,
        UUID familyId,
        boolean byAge,
        Instant expiresAt,
        String invitedBy,
        Instant invitedAt
) {
}
