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
        add(event.programmeId(), event.serviceId(),
                event.sessions().stream().map(ProgrammeScheduled.Session::startsAt).min(Instant::compareTo).orElseThrow(),
                event.sessions().stream().map(ProgrammeScheduled.Session::sessionId).toList());
    }

    void add(UUID programmeId, UUID serviceId, Instant firstSession, List<UUID> sessionIds) {
        jdbc.update("INSERT INTO programme_index VALUES (?, ?, ?) ON CONFLICT DO NOTHING", programmeId, serviceId,
                Timestamp.from(firstSession));
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

    /** The service's programmes that have not started yet, soonest first. */
    public List<UUID> upcomingOf(UUID serviceId, Instant now) {
        return jdbc.queryForList("SELECT programme_id FROM programme_index WHERE service_id = ? AND first_session > ? "
                + "ORDER BY first_session", UUID.class, serviceId, Timestamp.from(now));
    }
}
