package fi.perhekeskus.referral.notification;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox as coordinators read it. */
@Component
public class NotificationReader {

    private final NotificationOutbox outbox;

    public NotificationReader(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    /** The newest {@code limit} notifications of {@code status}, or of every status when it is null. */
    /** A page of the notifications of one status (every status when null), newest first. */
    public List<NotificationSummary> list(NotificationStatus status, int limit, int offset) {
        return outbox.list(status, limit, offset).stream().map(NotificationSummary::of).toList();
    }

    public Optional<NotificationSummary> find(UUID messageId) {
        return outbox.find(messageId).map(NotificationSummary::of);
    }
}
