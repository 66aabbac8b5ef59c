package fi.perhekeskus.contract.directory;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agency joined the family-centre network.
 * Version 2 added the municipalities the agency serves (a unit of a wellbeing services county
 * often serves several); version 1 events are upcast with its home municipality as the only one.
 */
@EventType(domain = Domains.REFERRAL, version = 2)
public record AgencyRegistered(
        UUID agencyId,
        String name,
        OrganizerType organizerType,
        String organizerName,
        String municipality,
        List<String> servedMunicipalities,
        String registeredBy,
        Instant registeredAt
) {
}
