package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A session took place; attendance per family. */
@EventType(domain = Domains.MEETING)
public record GroupSessionHeld(
        UUID programmeId,
        UUID sessionId,
        List<Attendance> families,
        String recordedBy,
        Instant recordedAt
) {

    /** Who of one family came: counts only. */
    public record Attendance(UUID familyId, int adults, int fathers, int children) {
    }
}
