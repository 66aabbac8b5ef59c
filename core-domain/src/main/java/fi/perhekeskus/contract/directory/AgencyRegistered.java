package fi.perhekeskus.contract.directory;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agency joined the family-centre network.
 * Version 2 added the municipalities the agency serves (a unit of a wellbeing services county
 * often serves several); version 1 events are upcast with its home municipality as the only one.
 * Version 3 added the agency's optional contact address for notifications (an office's address,
 * not a person's); a version 2 event is upcast with none.
 */
@EventType(domain = Domains.REFERRAL, version = 3)
public record AgencyRegistered(
        UUID agencyId,
        String name,
        OrganizerType organizerType,
        String organizerName,
        String municipality,
        List<String> servedMunicipalities,
        @Nullable String contactEmail,
        String registeredBy,
        Instant registeredAt
) {

    /** An agency registered without a contact address. */
    public AgencyRegistered(UUID agencyId, String name, OrganizerType organizerType, String organizerName,
                            String municipality, List<String> servedMunicipalities, String registeredBy,
                            Instant registeredAt) {
        this(agencyId, name, organizerType, organizerName, municipality, servedMunicipalities, null, registeredBy,
                registeredAt);
    }
}
