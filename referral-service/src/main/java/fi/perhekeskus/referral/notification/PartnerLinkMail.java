package fi.perhekeskus.referral.notification;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Mails a new partner link to the receiving agency's contact address: the link and its expiry are
 * the whole message. The link is a credential, so the outbox keeps it only until it is sent
 * ({@link NotificationOutbox#sent}). Its cause is the link's id: one message per link.
 */
@Component
public class PartnerLinkMail {

    private final NotificationOutbox outbox;
    private final Clock clock;

    public PartnerLinkMail(NotificationOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void send(UUID receiverAgencyId, UUID linkId, URI link, Instant expiresAt) {
        outbox.enqueue(NotificationKind.PARTNER_LINK, receiverAgencyId, "partner-link:" + linkId,
                Map.of("link", link.toString(), "expiresAt", expiresAt.toString()), clock.instant());
    }
}
