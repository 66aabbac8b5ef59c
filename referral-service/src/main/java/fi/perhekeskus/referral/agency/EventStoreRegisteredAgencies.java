package fi.perhekeskus.referral.agency;

import fi.perhekeskus.infra.security.RegisteredAgencies;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agencies are registered, answered from the event store, not from a view: an agency is
 * known the moment its registration was answered 201 (read-your-writes). The query names the
 * aggregate type, so the id of a family or a referral is no agency. No event removes an agency,
 * so a registered one is remembered; an unknown id is asked again each time.
 */
@Component
public class EventStoreRegisteredAgencies implements RegisteredAgencies {

    private final JdbcTemplate jdbc;
    private final String query;
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();

    public EventStoreRegisteredAgencies(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        // The first event of an aggregate has sequence 0: the unique (aggregate, sequence) index answers.
        this.query = "SELECT count(*) FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " = ? AND " + schema.sequenceNumberColumn() + " = 0 AND " + schema.typeColumn() + " = ?";
    }

    @Override
    public boolean isRegistered(UUID agencyId) {
        if (known.contains(agencyId)) {
            return true;
        }
        Integer found = jdbc.queryForObject(query, Integer.class, agencyId.toString(), Agency.class.getSimpleName());
        if (found != null && found > 0) {
            known.add(agencyId);
            return true;
        }
        return false;
    }
}
