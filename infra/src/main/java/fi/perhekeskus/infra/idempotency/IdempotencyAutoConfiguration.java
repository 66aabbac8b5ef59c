package fi.perhekeskus.infra.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency keys live in the service's own PostgreSQL, beside its events: they survive a crash. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
public class IdempotencyAutoConfiguration {

    static final String TABLE_DDL = """
            CREATE TABLE IF NOT EXISTS idempotency_keys (
                operation       TEXT        NOT NULL,
                principal       TEXT        NOT NULL,
                idempotency_key TEXT        NOT NULL,
                request_hash    BYTEA       NOT NULL,
                resource_id     UUID        NOT NULL,
                created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
                PRIMARY KEY (operation, principal, idempotency_key)
            )""";

    @Bean
    public IdempotentCreation idempotentCreation(JdbcTemplate jdbc, ObjectMapper mapper, EventStore eventStore) {
        return new IdempotentCreation(jdbc, mapper, eventStore);
    }

    @Bean
    public InitializingBean idempotencyKeysTable(JdbcTemplate jdbc) {
        return () -> jdbc.execute(TABLE_DDL);
    }
}
