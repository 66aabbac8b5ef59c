package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A family got a place in a programme; promotedFromWaitlist says it came off the waitlist. */
@EventType(domain = Domains.MEETING)
public record FamilyEnrolled(
        UUID programmeId,
        UUID familyId,
        EnrolmentSource source,
        @Nullable UUID referralId,
        boolean promotedFromWaitlist,
        String enrolledBy,
        Instant enrolledAt
) {
}
