package fi.perhekeskus.referral.notification;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * WARNING (answered 200, like a processor with parked events) when messages are FAILED or due
 * messages have waited longer than {@code stuck-after} (the mail server is unreachable, or the sender
 * stopped), with the counts and the last error; the list is at {@code GET /api/v1/admin/notifications}.
 * Not DOWN: everything else still works, and a restart would not bring the mail server back.
 */
@Component
public class NotificationHealthIndicator extends AbstractHealthIndicator {

    public static final Status WARNING = new Status("WARNING", "notifications are failing");

    private final NotificationOutbox outbox;
    private final NotificationSettings settings;
    private final Clock clock;

    public NotificationHealthIndicator(NotificationOutbox outbox, NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long failed = outbox.count(NotificationStatus.FAILED);
        long stuck = outbox.overdue(clock.instant().minus(settings.stuckAfter()));
        builder.withDetail("failed", failed).withDetail("stuck", stuck).withDetail("sender", settings.enabled()
                ? "running" : "disabled");
        if (failed > 0 || stuck > 0) {
            builder.status(WARNING).withDetail("reason", (failed > 0 ? failed + " failed" : "")
                    + (failed > 0 && stuck > 0 ? ", " : "") + (stuck > 0 ? stuck + " waiting longer than "
                    + settings.stuckAfter() : ""));
            outbox.latestError().ifPresent(e -> builder.withDetail("lastError", e));
            builder.withDetail("list", "GET /api/v1/admin/notifications?status=FAILED");
        } else {
            builder.up();
        }
    }
}
