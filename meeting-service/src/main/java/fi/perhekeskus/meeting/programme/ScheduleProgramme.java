package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.ProgrammeScheduled;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ScheduleProgramme(UUID programmeId, String name, UUID serviceId, List<UUID> agencyIds,
                                String location, int capacityFamilies, int plannedFamilies,
                                int targetAgeFromMonths, int targetAgeToMonths,
                                List<ProgrammeScheduled.Session> sessions, String requestedBy,
                                Instant requestedAt) {
}
