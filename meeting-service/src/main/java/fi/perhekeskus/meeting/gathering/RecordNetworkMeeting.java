package fi.perhekeskus.meeting.gathering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code legalBasis} is optional free text (null when consent covers everyone). */
public record RecordNetworkMeeting(UUID meetingId, UUID familyId, List<UUID> agencyIds, LocalDate heldOn,
                                   List<String> needsAssessed, List<PlannedAction> agreedActions,
                                   String legalBasis, UUID recordingAgencyId, String requestedBy,
                                   Instant requestedAt) {
}
