package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** The family's key was destroyed: every sealed value of the family is unreadable from now on. */
@EventType(domain = Domains.REFERRAL)
public record FamilyErased(
        UUID familyId,
        String erasedBy,
        Instant erasedAt
) {
}
