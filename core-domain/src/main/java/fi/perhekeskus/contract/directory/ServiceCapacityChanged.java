package fi.perhekeskus.contract.directory;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A service's capacity changed: whether it takes families now, and the expected wait in weeks when
 * it has a waitlist. {@code keptByPlatform} is true for a GROUP service, whose capacity the platform
 * derives from its upcoming programmes ({@code changedBy} is then {@code platform}). No personal data.
 */
@EventType(domain = Domains.REFERRAL)
public record ServiceCapacityChanged(
        UUID serviceId,
        UUID agencyId,
        CapacityStatus status,
        @Nullable Integer waitWeeks,
        boolean keptByPlatform,
        String changedBy,
        Instant changedAt
) {
}
