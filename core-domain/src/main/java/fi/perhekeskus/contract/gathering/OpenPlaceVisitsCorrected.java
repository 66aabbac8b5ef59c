package fi.perhekeskus.contract.gathering;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The day's anonymous visit counts of an open place, corrected: they replace the ones recorded for that date. */
@EventType(domain = Domains.MEETING)
public record OpenPlaceVisitsCorrected(
        UUID placeId,
        LocalDate date,
        int families,
        int adults,
        int children,
        String correctedBy,
        Instant correctedAt
) {
}
