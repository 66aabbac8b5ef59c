package fi.perhekeskus.contract.directory;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A service left the directory; no new referrals can be made to it. */
@EventType(domain = Domains.REFERRAL)
public record ServiceWithdrawn(
        UUID serviceId,
        UUID agencyId,
        @Nullable String reason,
        String withdrawnBy,
        Instant withdrawnAt
) {
}
