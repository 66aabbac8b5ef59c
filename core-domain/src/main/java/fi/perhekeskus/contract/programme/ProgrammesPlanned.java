package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * The year's plan of a group service: how many series it is to run and how many families each is
 * for (the Tampere pilot planned two series in spring and two in autumn). Reports set what was
 * scheduled and held against it.
 */
@EventType(domain = Domains.MEETING)
public record ProgrammesPlanned(
        UUID planId,
        UUID serviceId,
        int year,
        int plannedSeries,
        int plannedFamiliesPerSeries,
        String plannedBy,
        Instant plannedAt
) {
}
