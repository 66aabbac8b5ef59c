package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sending agency referred a family to a service of another agency.
 * Version 2 seals the legal basis (free text, it may say whose situation required it) with the
 * family's key; a version 1 plain-text legal basis is upcast to "dropped", which still
 * says that the referral was made on a legal basis. Version 3 names the members (the children) the
 * referral concerns by their pseudonymous ids; a version 2 referral is upcast with none.
 */
@EventType(domain = Domains.REFERRAL, version = 3)
public record ReferralMade(
        UUID referralId,
        UUID familyId,
        List<UUID> memberIds,
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

    public ReferralMade {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    /** A referral that names no members (the whole family). */
    public ReferralMade(UUID referralId, UUID familyId, UUID serviceId, UUID senderAgencyId, UUID receiverAgencyId,
                        String municipality, NeedLevel needLevel, Priority priority, Sealed reason, UUID consentId,
                        Sealed legalBasis, UUID redirectedFrom, UUID redirectedByAgencyId, String madeBy,
                        Instant madeAt) {
        this(referralId, familyId, List.of(), serviceId, senderAgencyId, receiverAgencyId, municipality, needLevel,
                priority, reason, consentId, legalBasis, redirectedFrom, redirectedByAgencyId, madeBy, madeAt);
    }
}
