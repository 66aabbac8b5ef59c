package fi.perhekeskus.contract.gathering;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Anonymous visit counts of an open meeting place for one day. */
@EventType(domain = Domains.MEETING)
public record OpenPlaceVisitsRecorded(
        UUID placeId,
        LocalDate date,
        int families,
        int adults,
        int children,
        String recordedBy,
        Instant recordedAt
) {
}
