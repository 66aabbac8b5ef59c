package fi.perhekeskus.meeting.gathering;

import java.time.Instant;
import java.util.UUID;

public record RegisterOpenPlace(UUID placeId, String name, UUID agencyId, String municipality, String address,
                                String openingHours, String requestedBy, Instant requestedAt) {
}
