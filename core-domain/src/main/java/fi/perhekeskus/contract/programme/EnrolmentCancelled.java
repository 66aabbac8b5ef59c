package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** A family left a programme or its waitlist. */
@EventType(domain = Domains.MEETING)
public record EnrolmentCancelled(
        UUID programmeId,
        UUID familyId,
        boolean wasWaitlisted,
        String cancelledBy,
        Instant cancelledAt
) {
}
