package fi.perhekeskus.meeting.plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A coordinator plans a group service's year; the plan's id is the service's and the year's. */
public record PlanProgrammes(UUID planId, UUID serviceId, int year, int plannedSeries, int plannedFamiliesPerSeries,
                             String requestedBy, Instant requestedAt) {

    public static UUID idOf(UUID serviceId, int year) {
        return UUID.nameUUIDFromBytes(("programme-plan:" + serviceId + ":" + year).getBytes(StandardCharsets.UTF_8));
    }
}
