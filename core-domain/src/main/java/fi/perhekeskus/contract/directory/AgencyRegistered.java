package fi.perhekeskus.contract.directory;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** An agency joined the family-centre network. */
@EventType(domain = EventCatalog.REFERRAL)
public record AgencyRegistered(
        UUID agencyId,
        String name,
        OrganizerType organizerType,
        String organizerName,
        String municipality,
        String registeredBy,
        Instant registeredAt
) {
}
