package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.meeting.ProcessingGroups;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which programme a session belongs to, and a service's programmes by start: written in the same
 * transaction that stores ProgrammeScheduled (a subscribing handler), so commands addressed by
 * session id or driven by a referral never wait for a view to catch up. Tables: migration
 * {@code db/migration/meeting/V5__programme_index.sql}.
 */
@Component
@ProcessingGroup(ProcessingGroups.PROGRAMME_INDEX)
public class ProgrammeIndex {

    private final JdbcTemplate jdbc;

    public ProgrammeIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeScheduled event) {
        List<Instant> starts = event.sessions().stream().map(ProgrammeScheduled.Session::startsAt).sorted().toList();
        add(event.programmeId(), event.serviceId(), starts.get(0), starts.get(starts.size() - 1),
                event.sessions().stream().map(ProgrammeScheduled.Session::sessionId).toList());
    }

    void add(UUID programmeId, UUID serviceId, Instant firstSession, Instant lastSession, List<UUID> sessionIds) {
        jdbc.update("INSERT INTO programme_index (programme_id, service_id, first_session, last_session) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", programmeId, serviceId, Timestamp.from(firstSession),
                Timestamp.from(lastSession));
        for (UUID session : sessionIds) {
            jdbc.update("INSERT INTO session_index VALUES (?, ?) ON CONFLICT DO NOTHING", session, programmeId);
        }
    }

    public boolean exists(UUID programmeId) {
        return !jdbc.queryForList("SELECT 1 FROM programme_index WHERE programme_id = ?", Integer.class, programmeId)
                .isEmpty();
    }

    public Optional<UUID> programmeOf(UUID sessionId) {
        return jdbc.queryForList("SELECT programme_id FROM session_index WHERE session_id = ?", UUID.class, sessionId)
                .stream().findFirst();
    }

    /**
     * The service's programmes a referred family may still join: first those that have not started,
     * soonest first; then those running (a session still ahead), so that a family referred while the
     * only group runs joins it instead of getting no place at all.
     */
    public List<UUID> upcomingOf(UUID serviceId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList("SELECT programme_id FROM programme_index WHERE service_id = ? AND last_session > ? "
                + "ORDER BY first_session <= ?, first_session", UUID.class, serviceId, at, at);
    }
}
