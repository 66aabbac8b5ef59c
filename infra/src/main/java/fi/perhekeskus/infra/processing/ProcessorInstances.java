package fi.perhekeskus.infra.processing;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The heartbeats of the instances running a service's streaming processors, kept in the store the
 * service's tokens are in, so that every instance sharing the tokens sees them: PostgreSQL's
 * {@code processor_instances} ({@link JdbcProcessorInstances}) or a read-store collection
 * ({@link MongoProcessorInstances}).
 */
public interface ProcessorInstances {

    /** No shared store: every instance counts only itself, and keeps every segment it claims. */
    ProcessorInstances NONE = new ProcessorInstances() {
        @Override
        public void beat(String owner, Collection<String> processors) {
        }

        @Override
        public Map<String, Set<String>> live(Duration freshFor) {
            return Map.of();
        }

        @Override
        public void leave(String owner) {
        }
    };

    /** {@code owner} runs {@code processors} now; any other processor it had named before, no longer. */
    void beat(String owner, Collection<String> processors);

    /** Processor → the owners whose heartbeat for it is younger than {@code freshFor}. */
    Map<String, Set<String>> live(Duration freshFor);

    /** {@code owner} stops: the others count it out at once. */
    void leave(String owner);
}
