package fi.perhekeskus.contract.directory;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A listed service changed; carries the whole new description of the service. */
@EventType(domain = Domains.REFERRAL)
public record ServiceUpdated(
        UUID serviceId,
        UUID agencyId,
        String name,
        ServiceKind kind,
        NeedLevel needLevel,
        int ageFromMonths,
        int ageToMonths,
        List<String> municipalities,
        List<String> languages,
        @Nullable String description,
        String updatedBy,
        Instant updatedAt
) {
}
