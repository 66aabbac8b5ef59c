package fi.perhekeskus.referral.notification;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.referral.ReferralEscalated;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Agencies' notifications from this service's own events (a tracking processor on the event store):
 * the receiving agency hears of a new referral (a redirected one is new to its new receiver) and of
 * its escalation, by a link to the referral. Keeps the agencies' contact addresses and each
 * referral's receiver in its own tables. The event's id is the message's cause, so a replay stores
 * nothing twice; an event older than {@code max-age} is not notified at all.
 */
@Component
@ProcessingGroup(ProcessingGroups.REFERRAL_NOTIFICATIONS)
public class ReferralNotifier {

    private final JdbcTemplate jdbc;
    private final NotificationOutbox outbox;
    private final NotificationSettings settings;
    private final Clock clock;

    public ReferralNotifier(JdbcTemplate jdbc, NotificationOutbox outbox, NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(AgencyRegistered e) {
        jdbc.update("""
                INSERT INTO notification_agencies (agency_id, contact_email) VALUES (?, ?)
                ON CONFLICT (agency_id) DO UPDATE SET contact_email = EXCLUDED.contact_email""",
                e.agencyId(), e.contactEmail());
    }

    @EventHandler
    void on(ReferralMade e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO notification_referrals (referral_id, receiver_agency_id) VALUES (?, ?)
                ON CONFLICT (referral_id) DO NOTHING""", e.referralId(), e.receiverAgencyId());
        notify(NotificationKind.INCOMING_REFERRAL, e.receiverAgencyId(), eventId, at, e.referralId());
    }

    @EventHandler
    void on(ReferralEscalated e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.queryForList("SELECT receiver_agency_id FROM notification_referrals WHERE referral_id = ?", UUID.class,
                        e.referralId()).stream().findFirst()
                .ifPresent(receiver -> notify(NotificationKind.REFERRAL_ESCALATED, receiver, eventId, at, e.referralId()));
    }

    private void notify(NotificationKind kind, UUID agencyId, String eventId, Instant at, UUID referralId) {
        Instant now = clock.instant();
        if (at.isBefore(now.minus(settings.maxAge()))) {
            return;
        }
        outbox.enqueue(kind, agencyId, eventId, Map.of("referralId", referralId.toString(),
                "link", settings.publicBaseUrl() + "/api/v1/referrals/" + referralId), now);
    }
}
