package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.UUID;

/** The programme was full; the family waits in line. */
@EventType(domain = EventCatalog.MEETING)
public record FamilyWaitlisted(
        UUID programmeId,
        UUID familyId,
        EnrolmentSource source,
        @Nullable UUID referralId,
        int position,
        String waitlistedBy,
        Instant waitlistedAt
) {
}
