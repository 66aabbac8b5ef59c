package fi.perhekeskus.contract.gathering;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** An open meeting place (kohtaamispaikka) joined the registry, run by one agency. No personal data. */
@EventType(domain = Domains.MEETING)
public record OpenPlaceRegistered(
        UUID placeId,
        UUID agencyId,
        String name,
        String municipality,
        String address,
        String openingHours,
        String registeredBy,
        Instant registeredAt
) {
}
