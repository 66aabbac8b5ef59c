package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.infra.privacy.FamilySealer;

import java.util.UUID;

/** What a party that moved a referral is answered: its new state, the responsible worker's name opened. */
public record ReferralStateResponse(UUID id, ReferralStatus status, UUID familyId, UUID serviceId,
                                    UUID senderAgencyId, UUID receiverAgencyId, UUID redirectedFrom,
                                    UUID redirectedTo, ReferralOutcome outcome, String responsibleWorker) {

    static ReferralStateResponse of(ReferralState s, FamilySealer sealer) {
        String worker = s.responsibleWorker() == null ? null
                : sealer.open(s.familyId(), s.responsibleWorker()).orElse(FamilySealer.ERASED);
        return new ReferralStateResponse(s.id(), s.status(), s.familyId(), s.serviceId(), s.senderAgencyId(),
                s.receiverAgencyId(), s.redirectedFrom(), s.redirectedTo(), s.outcome(), worker);
    }
}
