package fi.perhekeskus.referral.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A notification's id, derived from its cause (an event's id, or a reminder's session, family and
 * time) and its recipient kind: the same cause always gives the same id, so the outbox's primary key
 * keeps a redelivered or replayed event from making a second message. It is also the mail's
 * {@code Message-ID}, so a message re-sent after a crash mid-delivery is recognisably the same one.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static UUID of(String cause, RecipientKind recipient) {
        return UUID.nameUUIDFromBytes(("notification/" + recipient + "/" + cause).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Message-ID} header: {@code <id@domain>}. */
    public static String header(UUID messageId, String domain) {
        return "<" + messageId + "@" + domain + ">";
    }
}
