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
        return read(referralId, purpose, Referral::state);
    }

    /** Whether the referral recorded the hand-over meeting {@code meetingId} (a replayed creation). */
    public boolean hasHandoverMeeting(UUID referralId, UUID meetingId) {
        return read(referralId, "referral-handover", r -> r.hasHandoverMeeting(meetingId)).orElse(false);
    }

    /** The referral's valid partner link, if it has one (empty also when there is no such referral). */
    public Optional<PartnerLink> partnerLink(UUID referralId) {
        return read(referralId, "referral-partner-link", Referral::partnerLink).flatMap(link -> link);
    }

    private <T> Optional<T> read(UUID referralId, String purpose, java.util.function.Function<Referral, T> question) {
        return WriteModel.read(purpose, () -> {
            try {
                return Optional.of(referrals.load(referralId.toString()).invoke(question));
            } catch (AggregateNotFoundException unknown) {
                return Optional.empty();
            }
        });
    }
}
