package fi.perhekeskus.infra.processing;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Heartbeats in the service's PostgreSQL, beside its tokens ({@code processor_instances}, platform
 * migration V10). They age by the database's clock, so the instances' own clocks do not matter.
 */
public class JdbcProcessorInstances implements ProcessorInstances {

    private final JdbcTemplate jdbc;

    public JdbcProcessorInstances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beat(String owner, Collection<String> processors) {
        for (String processor : processors) {
            jdbc.update("INSERT INTO processor_instances (processor_name, owner, last_seen) VALUES (?, ?, now()) "
                    + "ON CONFLICT (processor_name, owner) DO UPDATE SET last_seen = now()", processor, owner);
        }
        jdbc.update("DELETE FROM processor_instances WHERE owner = ? AND NOT (processor_name = ANY (?))", ps -> {
            ps.setString(1, owner);
            ps.setArray(2, ps.getConnection().createArrayOf("varchar", processors.toArray()));
        });
    }

    @Override
    public Map<String, Set<String>> live(Duration freshFor) {
        Map<String, Set<String>> live = new HashMap<>();
        jdbc.query("SELECT processor_name, owner FROM processor_instances "
                        + "WHERE last_seen > now() - make_interval(secs => ?)",
                rs -> {
                    live.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }, freshFor.toMillis() / 1000.0);
        return live;
    }

    @Override
    public void leave(String owner) {
        jdbc.update("DELETE FROM processor_instances WHERE owner = ?", owner);
    }
}
