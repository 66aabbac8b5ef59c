package fi.perhekeskus.referral.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code perhekeskus.notifications.*}; the mail server itself is {@code spring.mail.*}.
 *
 * @param enabled         whether the sender runs (the outbox fills either way)
 * @param from            the sender address of every message
 * @param publicBaseUrl   what agencies' links start with ({@code <url>/api/v1/referrals/{id}})
 * @param reminderLead    how long before a session its reminder goes (P1D)
 * @param maxAge          a cause older than this when first handled is not notified (a processor starting
 *                        on an existing history, or replaying it, mails nobody about the past)
 * @param sendInterval    how often the sender looks for due messages
 * @param batchSize       messages per round
 * @param maxAttempts     attempts before a message is FAILED
 * @param firstRetry      the wait after the first failure; it doubles with each further one
 * @param maxRetry        the longest wait between attempts
 * @param claimLease      how long a claimed message is left to its sender before another may take it
 * @param stuckAfter      a due message waiting longer than this makes health WARNING
 * @param zone            the time zone of times in messages
 */
@ConfigurationProperties("perhekeskus.notifications")
public record NotificationSettings(Boolean enabled, String from, String publicBaseUrl, Duration reminderLead,
                                   Duration maxAge, Duration sendInterval, Integer batchSize, Integer maxAttempts,
                                   Duration firstRetry, Duration maxRetry, Duration claimLease, Duration stuckAfter,
                                   ZoneId zone) {

    public NotificationSettings {
        enabled = enabled == null || enabled;
        from = from == null ? "perhekeskus@localhost" : from;
        publicBaseUrl = publicBaseUrl == null ? "http://127.0.0.1:8081" : publicBaseUrl.replaceAll("/+$", "");
        reminderLead = reminderLead == null ? Duration.ofDays(1) : reminderLead;
        maxAge = maxAge == null ? Duration.ofDays(1) : maxAge;
        sendInterval = sendInterval == null ? Duration.ofSeconds(1) : sendInterval;
        batchSize = batchSize == null ? 20 : batchSize;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        claimLease = claimLease == null ? Duration.ofMinutes(5) : claimLease;
        stuckAfter = stuckAfter == null ? Duration.ofMinutes(15) : stuckAfter;
        zone = zone == null ? ZoneId.of("Europe/Helsinki") : zone;
    }

    /** The wait before attempt {@code attempts + 1}: first-retry doubled per earlier failure, at most max-retry. */
    public Duration backOff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /** The domain of the {@code Message-ID} header: the sender address's. */
    public String messageIdDomain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "perhekeskus" : from.substring(at + 1);
    }
}
