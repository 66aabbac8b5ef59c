package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The family consented to sharing its data with named agencies for a purpose until a date. */
@EventType(domain = EventCatalog.REFERRAL)
public record ConsentGiven(
        UUID familyId,
        UUID consentId,
        List<UUID> agencyIds,
        String purpose,
        @Nullable Sealed givenBy,
        LocalDate validUntil,
        UUID recordedByAgencyId,
        String recordedBy,
        Instant givenAt
) {
}
