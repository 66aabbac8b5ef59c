package fi.perhekeskus.contract.gathering;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The legal basis for agencies of a network meeting that the family's consent does not cover (sealed free text). */
@EventType(domain = Domains.MEETING)
public record NetworkMeetingLegalBasisRecorded(
        UUID meetingId,
        UUID familyId,
        List<UUID> agencyIds,
        Sealed legalBasis,
        String recordedBy,
        Instant recordedAt
) {
}
