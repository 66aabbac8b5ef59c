package fi.perhekeskus.referral.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A reminder's time has come (the db-scheduler task {@code notification-reminder}): if the family is
 * still enrolled and the session is still ahead at the time it was scheduled for, the reminder goes
 * to the outbox. Its cause is the task's instance (session, family, start time), so a task run twice
 * stores one message.
 */
@Component
public class ReminderDue {

    private final JdbcTemplate jdbc;
    private final NotificationOutbox outbox;
    private final Clock clock;

    public ReminderDue(JdbcTemplate jdbc, NotificationOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    static String instanceId(UUID sessionId, UUID familyId, Instant startsAt) {
        return sessionId + "/" + familyId + "/" + startsAt.getEpochSecond();
    }

    public void fire(String instanceId) {
        String[] parts = instanceId.split("/");
        UUID sessionId = UUID.fromString(parts[0]);
        UUID familyId = UUID.fromString(parts[1]);
        Instant startsAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        Instant now = clock.instant();
        var session = jdbc.queryForList("""
                SELECT s.programme_id FROM notification_sessions s
                JOIN notification_enrolments e ON e.programme_id = s.programme_id AND e.family_id = ?
                WHERE s.session_id = ? AND NOT s.cancelled AND date_trunc('second', s.starts_at) = ? AND s.starts_at > ?""",
                UUID.class, familyId, sessionId, java.sql.Timestamp.from(startsAt), java.sql.Timestamp.from(now));
        if (session.isEmpty()) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>(MeetingNotifier.programme(jdbc, session.get(0)));
        parameters.put("startsAt", startsAt.toString());
        outbox.enqueue(NotificationKind.SESSION_REMINDER, familyId, "reminder/" + instanceId, parameters, now);
    }
}
