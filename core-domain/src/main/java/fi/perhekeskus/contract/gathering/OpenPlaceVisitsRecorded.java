package fi.perhekeskus.contract.gathering;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Anonymous visit counts of an open meeting place for one day. */
@EventType(domain = EventCatalog.MEETING)
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
