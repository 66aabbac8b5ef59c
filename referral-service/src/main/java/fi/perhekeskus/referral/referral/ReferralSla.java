package fi.perhekeskus.referral.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;

/**
 * Service levels of a referral: received within {@code perhekeskus.referral.sla.receive} and
 * accepted, declined or redirected within {@code perhekeskus.referral.sla.decide}, both counted
 * from when it was made; a referral that misses one is escalated.
 */
@ConfigurationProperties("perhekeskus.referral.sla")
public record ReferralSla(Duration receive, Duration decide) {

    public ReferralSla {
        receive = receive == null ? Duration.ofDays(2) : receive;
        decide = decide == null ? Duration.ofDays(7) : decide;
    }

    public Instant receiveBy(Instant madeAt) {
        return madeAt.plus(receive);
    }

    public Instant decideBy(Instant madeAt) {
        return madeAt.plus(decide);
    }
}
