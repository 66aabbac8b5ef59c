package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralStatus;

import java.util.UUID;

/**
 * A referral's state after a move, as the aggregate knows it: the responsible worker's name is
 * sealed; {@link ReferralStateResponse} is what the mover is answered.
 */
public record ReferralState(UUID id, ReferralStatus status, UUID familyId, UUID serviceId, UUID senderAgencyId,
                            UUID receiverAgencyId, UUID redirectedFrom, UUID redirectedTo, ReferralOutcome outcome,
                            Sealed responsibleWorker) {
}
