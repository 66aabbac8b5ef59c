package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.referral.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;

/**
 * Service levels of a referral, counted from when it was made; a referral that misses one is
 * escalated. A ROUTINE referral is received within {@code perhekeskus.referral.sla.receive} (P2D) and
 * accepted, declined or redirected within {@code .decide} (P7D); an URGENT one within
 * {@code .urgent-receive} (P1D) and {@code .urgent-decide} (P2D).
 */
@ConfigurationProperties("perhekeskus.referral.sla")
public record ReferralSla(Duration receive, Duration decide, Duration urgentReceive, Duration urgentDecide) {

    public ReferralSla {
        receive = receive == null ? Duration.ofDays(2) : receive;
        decide = decide == null ? Duration.ofDays(7) : decide;
        urgentReceive = urgentReceive == null ? Duration.ofDays(1) : urgentReceive;
        urgentDecide = urgentDecide == null ? Duration.ofDays(2) : urgentDecide;
    }

    public static ReferralSla defaults() {
        return new ReferralSla(null, null, null, null);
    }

    public Instant receiveBy(Priority priority, Instant madeAt) {
        return madeAt.plus(priority == Priority.URGENT ? urgentReceive : receive);
    }

    public Instant decideBy(Priority priority, Instant madeAt) {
        return madeAt.plus(priority == Priority.URGENT ? urgentDecide : decide);
    }
}
