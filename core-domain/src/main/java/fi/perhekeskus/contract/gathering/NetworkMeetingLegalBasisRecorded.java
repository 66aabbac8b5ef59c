package fi.perhekeskus.contract.gathering;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A network meeting named the legal basis on which agencies took part that the family's consent
 * does not cover ({@code agencyIds}, possibly none). The basis is free text, so it is sealed.
 */
@EventType(domain = EventCatalog.MEETING)
public record NetworkMeetingLegalBasisRecorded(
        UUID meetingId,
        UUID familyId,
        List<UUID> agencyIds,
        Sealed legalBasis,
        String recordedBy,
        Instant recordedAt
) {
}
