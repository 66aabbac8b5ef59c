package fi.perhekeskus.infra.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys live in the service's own PostgreSQL, beside its events: they survive a crash. Their
 * table is made by the platform's migration {@code db/migration/platform/V2__idempotency_keys.sql}.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
public class IdempotencyAutoConfiguration {


    @Bean
    public IdempotentCreation idempotentCreation(JdbcTemplate jdbc, ObjectMapper mapper, EventStore eventStore) {
        return new IdempotentCreation(jdbc, mapper, eventStore);
    }
}
