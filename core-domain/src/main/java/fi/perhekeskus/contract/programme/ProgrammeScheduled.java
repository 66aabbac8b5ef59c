package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group programme was planned, with its sessions. */
@EventType(domain = Domains.MEETING)
public record ProgrammeScheduled(
        UUID programmeId,
        String name,
        UUID serviceId,
        List<UUID> agencyIds,
        String location,
        int capacityFamilies,
        int plannedFamilies,
        int targetAgeFromMonths,
        int targetAgeToMonths,
        List<Session> sessions,
        String scheduledBy,
        Instant scheduledAt
) {

    /** One planned meeting of the programme. */
    public record Session(UUID sessionId, Instant startsAt, Instant endsAt, String topic,
                          List<UUID> facilitatorAgencyIds) {
    }
}
