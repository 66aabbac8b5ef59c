package fi.perhekeskus.infra.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * How the JDBC event store tells a taken sequence number from other failures. Axon's default
 * resolver reads vendor error codes, and PostgreSQL reports none (only SQLState 23505), so a
 * concurrent append would surface as a plain storage failure. With this resolver it is a
 * {@code ConcurrencyException} (retried by the command gateway) on an existing aggregate, and an
 * {@code AggregateStreamCreationException} (answered 409) on a second creation.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
public class EventStoreAutoConfiguration {

    /** PostgreSQL's unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }
}
