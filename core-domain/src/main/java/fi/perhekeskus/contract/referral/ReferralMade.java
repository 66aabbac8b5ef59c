package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;

import java.time.Instant;
import java.util.UUID;

/** A sending agency referred a family to a service of another agency. */
@EventType(domain = EventCatalog.REFERRAL)
public record ReferralMade(
        UUID referralId,
        UUID familyId,
        UUID serviceId,
        UUID senderAgencyId,
        UUID receiverAgencyId,
        String municipality,
        NeedLevel needLevel,
        Priority priority,
        Sealed reason,
        @Nullable UUID consentId,
        @Nullable String legalBasis,
        @Nullable UUID redirectedFrom,
        @Nullable UUID redirectedByAgencyId,
        String madeBy,
        Instant madeAt
) {
}
