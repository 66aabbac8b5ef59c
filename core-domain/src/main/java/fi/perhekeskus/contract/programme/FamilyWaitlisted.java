package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.UUID;

/** The programme was full; the family waits in line. */
@EventType(domain = Domains.MEETING)
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
