package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The receiver took the family on and named its responsible worker.
 * Version 2 seals the worker's name with the family's key (it names a person, and together with the
 * family it says who works with whom); a version 1 plain-text name is upcast to "dropped".
 */
@EventType(domain = Domains.REFERRAL, version = 2)
public record ReferralAccepted(
        UUID referralId,
        UUID familyId,
        UUID serviceId,
        UUID receiverAgencyId,
        @Nullable Sealed responsibleWorker,
        @Nullable LocalDate firstContactOn,
        String acceptedBy,
        Instant acceptedAt
) {
}
