package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A session moved to another time. */
@EventType(domain = EventCatalog.MEETING)
public record GroupSessionRescheduled(
        UUID programmeId,
        UUID sessionId,
        Instant startsAt,
        Instant endsAt,
        @Nullable String reason,
        String rescheduledBy,
        Instant rescheduledAt
) {
}
