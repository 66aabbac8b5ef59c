package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was cancelled, with a reason code and an optional note.
 * Version 2 replaced the free-text reason: a note belongs to no family but may still name people
 * ("Liisa is ill"), so it travels sealed with the programme's own key, which meeting-service keeps
 * and can destroy per programme; the code is what everyone else reads. A version 1 reason (plain
 * text) is upcast to code OTHER with the note "dropped".
 */
@EventType(domain = Domains.MEETING, version = 2)
public record GroupSessionCancelled(
        UUID programmeId,
        UUID sessionId,
        SessionChangeReason reasonCode,
        @Nullable Sealed note,
        String cancelledBy,
        Instant cancelledAt
) {
}
