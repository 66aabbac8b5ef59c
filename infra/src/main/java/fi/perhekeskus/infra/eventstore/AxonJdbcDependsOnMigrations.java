package fi.perhekeskus.infra.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

import java.util.Set;

/**
 * The event store's tables (events, snapshots, tokens, dead letters) are made by the Flyway migrations
 * in {@code db/migration/platform}. Axon's JDBC beans reach the DataSource without a JdbcTemplate, so
 * Spring Boot would not order them after the migrations by itself: this makes them wait for Flyway.
 */
public class AxonJdbcDependsOnMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ConnectionProvider.class, EventStorageEngine.class, TokenStore.class);
    }
}
