package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A sending agency refers a family to a service. {@code receiveBy} and {@code decideBy} are the
 * service-level deadlines; the reason and the legal basis are sealed with the family's key. {@code redirectedFrom} is set
 * only when a receiver forwards a referral. {@code memberIds} are the members (children) it concerns,
 * each a member of the family; none means the whole family.
 */
public record MakeReferral(UUID referralId, UUID familyId, UUID serviceId, UUID senderAgencyId, NeedLevel needLevel, Priority priority, Sealed reason, UUID consentId, Sealed legalBasis,
                           UUID redirectedFrom, Instant receiveBy, Instant decideBy, String requestedBy, Instant requestedAt,
                           List<UUID> memberIds) {

    public MakeReferral {
        memberIds = memberIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(memberIds));
    }

    /** A referral concerning the whole family. */
    public MakeReferral(UUID referralId, UUID familyId, UUID serviceId, UUID senderAgencyId, NeedLevel needLevel,
                        Priority priority, Sealed reason, UUID consentId, Sealed legalBasis, UUID redirectedFrom,
                        Instant receiveBy, Instant decideBy, String requestedBy, Instant requestedAt) {
        this(referralId, familyId, serviceId, senderAgencyId, needLevel, priority, reason, consentId, legalBasis,
                redirectedFrom, receiveBy, decideBy, requestedBy, requestedAt, List.of());
    }
}
