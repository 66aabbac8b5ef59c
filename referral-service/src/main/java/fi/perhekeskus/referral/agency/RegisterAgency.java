package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.OrganizerType;

import java.time.Instant;
import java.util.UUID;

public record RegisterAgency(
        UUID agencyId,
        String name,
        OrganizerType organizerType,
        String organizerName,
        String municipality,
        String requestedBy,
        Instant requestedAt) {
}
