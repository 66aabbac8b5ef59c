package fi.perhekeskus.referral.notification;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    /** Newest first; each status's newest {@code offset + limit} are enough to page through them all. */
    public List<NotificationSummary> list(NotificationStatus status, int limit, int offset) {
        List<NotificationOutbox.Message> found = new ArrayList<>();
        for (NotificationStatus s : status == null ? Arrays.asList(NotificationStatus.values()) : List.of(status)) {
            found.addAll(outbox.list(s, offset + limit));
        }
        return found.stream().sorted(Comparator.comparing(NotificationOutbox.Message::createdAt).reversed())
                .skip(offset).limit(limit).map(NotificationSummary::of).toList();
    }

    public Optional<NotificationSummary> find(UUID messageId) {
        return outbox.find(messageId).map(NotificationSummary::of);
    }
}
