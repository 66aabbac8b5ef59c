package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/**
 * A session moved to another time, with a reason code and an optional note.
 * Version 2 replaced the free-text reason as GroupSessionCancelled v2 did: the note is
 * sealed with the programme's own key. A version 1 reason is upcast to code OTHER with the
 * note "dropped"; a version 1 event without a reason gets OTHER and no note.
 */
@EventType(domain = Domains.MEETING, version = 2)
public record GroupSessionRescheduled(
        UUID programmeId,
        UUID sessionId,
        Instant startsAt,
        Instant endsAt,
        SessionChangeReason reasonCode,
        @Nullable Sealed note,
        String rescheduledBy,
        Instant rescheduledAt
) {
}
