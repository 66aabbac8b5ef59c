package fi.perhekeskus.referral.notification;

import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.links.FamilyLinkSettings;
import fi.perhekeskus.infra.links.FamilyLinkTokens;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Families' notifications from meeting-service's topic: a place in a programme (or one off the
 * waitlist), a place on the waitlist, and a reminder before each of the programme's sessions
 * ({@link SessionReminders}, persistent); an invitation with the family's own answer link, and after a
 * held session each family that came its own feedback link (both signed, {@link FamilyLinkTokens};
 * the outbox forgets them once sent). Keeps the programmes' sessions and enrolments in its own
 * tables for the reminders. The event's id (CloudEvents {@code id}) is the message's cause, so a
 * redelivered record stores nothing twice; an event older than {@code max-age} is not notified.
 */
@Component
@ProcessingGroup(ProcessingGroups.MEETING_NOTIFICATIONS)
public class MeetingNotifier {

    private final JdbcTemplate jdbc;
    private final NotificationOutbox outbox;
    private final SessionReminders reminders;
    private final NotificationSettings settings;
    private final Clock clock;
    private final FamilyLinkTokens links;
    private final String linkBase;

    public MeetingNotifier(JdbcTemplate jdbc, NotificationOutbox outbox, SessionReminders reminders,
                           NotificationSettings settings, Clock clock, FamilyLinkTokens links,
                           FamilyLinkSettings linkSettings) {
        this.links = links;
        this.linkBase = linkSettings.baseUrl();
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.reminders = reminders;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(ProgrammeScheduled e) {
        for (ProgrammeScheduled.Session s : e.sessions()) {
            jdbc.update("""
                    INSERT INTO notification_sessions (session_id, programme_id, programme_name, location, starts_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING""",
                    s.sessionId(), e.programmeId(), e.name(), e.location(), java.sql.Timestamp.from(s.startsAt()));
        }
    }

    @EventHandler
    void on(GroupSessionRescheduled e) {
        jdbc.update("UPDATE notification_sessions SET starts_at = ? WHERE session_id = ?",
                java.sql.Timestamp.from(e.startsAt()), e.sessionId());
        // A reminder for the old time finds the session moved and stays silent.
        for (UUID family : jdbc.queryForList("SELECT family_id FROM notification_enrolments WHERE programme_id = ?",
                UUID.class, e.programmeId())) {
            reminders.schedule(e.sessionId(), family, e.startsAt());
        }
    }

    @EventHandler
    void on(GroupSessionCancelled e) {
        jdbc.update("UPDATE notification_sessions SET cancelled = TRUE WHERE session_id = ?", e.sessionId());
    }

    @EventHandler
    void on(FamilyEnrolled e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO notification_enrolments (programme_id, family_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""", e.programmeId(), e.familyId());
        List<Map<String, Object>> sessions = jdbc.queryForList("""
                SELECT session_id, starts_at FROM notification_sessions
                WHERE programme_id = ? AND NOT cancelled AND starts_at > ?""", e.programmeId(),
                java.sql.Timestamp.from(clock.instant()));
        for (Map<String, Object> s : sessions) {
            reminders.schedule((UUID) s.get("session_id"), e.familyId(), ((java.sql.Timestamp) s.get("starts_at")).toInstant());
        }
        notify(e.promotedFromWaitlist() ? NotificationKind.WAITLIST_PROMOTED : NotificationKind.FAMILY_ENROLLED,
                e.familyId(), e.programmeId(), eventId, at, Map.of());
    }

    @EventHandler
    void on(FamilyInvited e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notify(NotificationKind.FAMILY_INVITED, e.familyId(), e.programmeId(), eventId, at,
                Map.of("expiresAt", e.expiresAt().toString(),
                        "link", linkBase + "/invitation/" + links.invitation(e.programmeId(), e.invitationId(), e.expiresAt())));
    }

    /** Each family that came gets its own link; one message per family and session, however often redelivered. */
    @EventHandler
    void on(GroupSessionHeld e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        for (GroupSessionHeld.Attendance family : e.families()) {
            notify(NotificationKind.FEEDBACK_LINK, family.familyId(), e.programmeId(),
                    "feedback-link:" + e.sessionId() + "/" + family.familyId(), at,
                    Map.of("link", linkBase + "/feedback/" + links.feedback(e.programmeId(), e.sessionId(),
                            family.familyId())));
        }
    }

    @EventHandler
    void on(FamilyWaitlisted e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notify(NotificationKind.FAMILY_WAITLISTED, e.familyId(), e.programmeId(), eventId, at,
                Map.of("position", Integer.toString(e.position())));
    }

    @EventHandler
    void on(EnrolmentCancelled e) {
        // Its reminders find no enrolment and stay silent.
        jdbc.update("DELETE FROM notification_enrolments WHERE programme_id = ? AND family_id = ?",
                e.programmeId(), e.familyId());
    }

    private void notify(NotificationKind kind, UUID familyId, UUID programmeId, String eventId, Instant at,
                        Map<String, String> extra) {
        Instant now = clock.instant();
        if (at.isBefore(now.minus(settings.maxAge()))) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>(programme(jdbc, programmeId));
        parameters.putAll(extra);
        outbox.enqueue(kind, familyId, eventId, parameters, now);
    }

    /** The programme's name and place, as its messages name them. */
    static Map<String, String> programme(JdbcTemplate jdbc, UUID programmeId) {
        return jdbc.queryForList("SELECT programme_name, location FROM notification_sessions WHERE programme_id = ? LIMIT 1",
                        programmeId).stream().findFirst()
                .map(r -> Map.of("programme", String.valueOf(r.get("programme_name")),
                        "location", r.get("location") == null ? "-" : String.valueOf(r.get("location"))))
                .orElse(Map.of("programme", "-", "location", "-"));
    }
}
