package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;

import java.time.Instant;
import java.util.UUID;

/**
 * A sending agency referred a family to a service of another agency.
 * Version 2 seals the legal basis (free text, it may say whose situation required it) with the
 * family's key; a version 1 plain-text legal basis is upcast to "dropped", which still
 * says that the referral was made on a legal basis.
 */
@EventType(domain = EventCatalog.REFERRAL, version = 2)
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
        @Nullable Sealed legalBasis,
        @Nullable UUID redirectedFrom,
        @Nullable UUID redirectedByAgencyId,
        String madeBy,
        Instant madeAt
) {
}
