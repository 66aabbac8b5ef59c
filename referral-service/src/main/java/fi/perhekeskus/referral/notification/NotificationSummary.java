package fi.perhekeskus.referral.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as coordinators see it: what and why, never to whom (no address, no recipient id). */
public record NotificationSummary(UUID messageId, NotificationKind kind, RecipientKind recipientKind, String cause,
                                  NotificationStatus status, int attempts, String lastError, Instant createdAt,
                                  Instant nextAttemptAt, Instant sentAt) {

    static NotificationSummary of(NotificationOutbox.Message m) {
        return new NotificationSummary(m.messageId(), m.kind(), m.recipientKind(), m.cause(), m.status(), m.attempts(),
                m.lastError(), m.createdAt(), m.status() == NotificationStatus.PENDING ? m.nextAttemptAt() : null,
                m.sentAt());
    }
}
