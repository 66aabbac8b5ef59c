package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.OrganizerType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record RegisterAgency(
        UUID agencyId,
        String name,
        OrganizerType organizerType,
        String organizerName,
        String municipality,
        List<String> servedMunicipalities,
        String contactEmail,
        String requestedBy,
        Instant requestedAt) {
}
