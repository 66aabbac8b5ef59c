package fi.perhekeskus.referral.notification;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NotificationSettings.class)
public class NotificationConfiguration {

    /** Sessions' reminders, in db-scheduler's table beside the service-level deadlines. */
    @Bean
    public OneTimeTask<Void> sessionReminderTask(ReminderDue due) {
        return Tasks.oneTime("notification-reminder").execute((instance, context) -> due.fire(instance.getId()));
    }
}
