package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** A session was cancelled. */
@EventType(domain = EventCatalog.MEETING)
public record GroupSessionCancelled(
        UUID programmeId,
        UUID sessionId,
        String reason,
        String cancelledBy,
        Instant cancelledAt
) {
}
