package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The receiver took the family on and named its responsible worker. */
@EventType(domain = EventCatalog.REFERRAL)
public record ReferralAccepted(
        UUID referralId,
        UUID familyId,
        UUID serviceId,
        UUID receiverAgencyId,
        @Nullable String responsibleWorker,
        @Nullable LocalDate firstContactOn,
        String acceptedBy,
        Instant acceptedAt
) {
}
