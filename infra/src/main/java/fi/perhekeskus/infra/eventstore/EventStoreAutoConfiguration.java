package fi.perhekeskus.infra.eventstore;

import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The event store is Axon's JDBC storage engine on the service's own PostgreSQL database (Axon's
 * JDBC auto-configuration builds it). Here the tables are created, if missing, before any
 * processor starts: events, snapshots, processor tokens and dead letters.
 */
@AutoConfiguration(after = JdbcAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class EventStoreAutoConfiguration {

    @Bean
    public InitializingBean eventStoreSchema(DataSource dataSource, EventSchema eventSchema,
                                             TokenSchema tokenSchema, DeadLetterSchema deadLetterSchema) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                PostgresEventTableFactory events = PostgresEventTableFactory.INSTANCE;
                execute(events.createDomainEventTable(connection, eventSchema));
                execute(events.createSnapshotEventTable(connection, eventSchema));
                execute(PostgresTokenTableFactory.INSTANCE.createTable(connection, tokenSchema));
                try (Statement deadLetters = new PostgresDeadLetterTableFactory()
                        .createTableStatement(connection, deadLetterSchema)) {
                    deadLetters.executeBatch();
                }
            }
        };
    }

    private static void execute(PreparedStatement statement) throws SQLException {
        try (statement) {
            statement.execute();
        }
    }
}
