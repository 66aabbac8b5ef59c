package fi.perhekeskus.infra.consistency;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;

/**
 * Asks the event store whether any of the given global indexes now holds a committed event. A
 * tracking token's gap is an index it skipped because no event was visible there when it read past
 * it: either a transaction still open then (its event may be committed by now) or an index never
 * used. Only the first kind holds a write that a reader may already have been told about.
 */
class CommittedEvents {

    private final JdbcTemplate jdbc;

    CommittedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyAt(Collection<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return false;
        }
        Boolean found = jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex = ANY (?))");
            statement.setArray(1, connection.createArrayOf("bigint", globalIndexes.toArray()));
            return statement;
        }, rs -> rs.next() && rs.getBoolean(1));
        return Boolean.TRUE.equals(found);
    }
}
