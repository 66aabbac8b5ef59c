package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The family consented to sharing its data with named agencies for a purpose until a date.
 * Version 2 seals the purpose, free text that may describe the family, with the family's key; a
 * version 1 purpose (plain text) is upcast to "dropped".
 */
@EventType(domain = Domains.REFERRAL, version = 2)
public record ConsentGiven(
        UUID familyId,
        UUID consentId,
        List<UUID> agencyIds,
        Sealed purpose,
        @Nullable Sealed givenBy,
        LocalDate validUntil,
        UUID recordedByAgencyId,
        String recordedBy,
        Instant givenAt
) {
}
