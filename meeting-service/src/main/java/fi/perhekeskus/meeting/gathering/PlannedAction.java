package fi.perhekeskus.meeting.gathering;

import java.time.LocalDate;
import java.util.UUID;

/** An action as the worker wrote it; sealed with the family's key only once the meeting is allowed. */
public record PlannedAction(UUID agencyId, String action, LocalDate due) {
}
