package fi.perhekeskus.referral.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Schedules a family's reminder of a session, {@code perhekeskus.notifications.reminder-lead} before it
 * starts (or at once when that is already past and the session is still ahead), as a db-scheduler task
 * in this service's {@code scheduled_tasks} table, where the referrals' service-level deadlines are
 * too: reminders survive restarts. One task per session, family and start time: scheduling again
 * changes nothing, and a moved session gets a task of its own while the old one finds the time changed.
 */
@Component
public class SessionReminders {

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;
    private final NotificationSettings settings;
    private final Clock clock;

    public SessionReminders(@Lazy SchedulerClient scheduler, OneTimeTask<Void> sessionReminderTask,
                            NotificationSettings settings, Clock clock) {
        this.scheduler = scheduler;
        this.task = sessionReminderTask;
        this.settings = settings;
        this.clock = clock;
    }

    public void schedule(UUID sessionId, UUID familyId, Instant startsAt) {
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            return;
        }
        Instant at = startsAt.minus(settings.reminderLead());
        scheduler.scheduleIfNotExists(task.instance(ReminderDue.instanceId(sessionId, familyId, startsAt)),
                at.isBefore(now) ? now : at);
    }
}
