package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The attendance of a held session as corrected: it replaces what was recorded before (in
 * {@link GroupSessionHeld} or an earlier correction), which stays in the history of events.
 */
@EventType(domain = Domains.MEETING)
public record GroupSessionAttendanceCorrected(
        UUID programmeId,
        UUID sessionId,
        List<GroupSessionHeld.Attendance> families,
        String correctedBy,
        Instant correctedAt
) {
}
