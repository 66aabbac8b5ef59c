package fi.perhekeskus.referral.referral;

import fi.perhekeskus.referral.WriteModel;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A referral's state as its own events have it, for answers a lagging view would get wrong: the
 * replay of a creation, the family whose key seals a mover's text.
 */
@Component
public class ReferralStates {

    private final Repository<Referral> referrals;

    public ReferralStates(@Lazy Repository<Referral> referrals) {
        this.referrals = referrals;
    }

    /** The state of a referral, or empty when there is no such referral. */
    public Optional<ReferralState> find(UUID referralId, String purpose) {
        return WriteModel.read(purpose, () -> {
            try {
                return Optional.of(referrals.load(referralId.toString()).invoke(Referral::state));
            } catch (AggregateNotFoundException unknown) {
                return Optional.empty();
            }
        });
    }

    /** Whether the referral recorded the hand-over meeting {@code meetingId} (a replayed creation). */
    public boolean hasHandoverMeeting(UUID referralId, UUID meetingId) {
        return WriteModel.read("referral-handover", () -> {
            try {
                return referrals.load(referralId.toString()).invoke(r -> r.hasHandoverMeeting(meetingId));
            } catch (AggregateNotFoundException unknown) {
                return false;
            }
        });
    }
}
