package fi.perhekeskus.referral.directory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A programme stops being upcoming when its first session begins, with no event to say so: every
 * {@code perhekeskus.directory.group-capacity-check} (default 10 minutes) the platform's capacity of
 * each GROUP service is worked out again. The command records an event only on a change, so several
 * instances doing this at once, or a check with nothing changed, record nothing.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "perhekeskus.directory.group-capacity-check.enabled", matchIfMissing = true)
public class GroupCapacityClock {

    private final ProgrammeOfferIndex offers;

    public GroupCapacityClock(ProgrammeOfferIndex offers) {
        this.offers = offers;
    }

    @Scheduled(initialDelayString = "${perhekeskus.directory.group-capacity-check:PT10M}",
            fixedDelayString = "${perhekeskus.directory.group-capacity-check:PT10M}")
    void check() {
        offers.keepEveryCapacity();
    }
}
