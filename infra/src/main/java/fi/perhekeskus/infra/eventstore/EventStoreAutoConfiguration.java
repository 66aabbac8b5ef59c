package fi.perhekeskus.infra.eventstore;

import fi.perhekeskus.infra.processing.ProcessorOwner;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * How the JDBC event store tells a taken sequence number from other failures. Axon's default
 * resolver reads vendor error codes, and PostgreSQL reports none (only SQLState 23505), so a
 * concurrent append would surface as a plain storage failure. With this resolver it is a
 * {@code ConcurrencyException} (retried by the command gateway) on an existing aggregate, and an
 * {@code AggregateStreamCreationException} (answered 409) on a second creation.
 *
 * <p>And the event store and the token store Axon would configure, the first without snapshots
 * ({@link SnapshotlessJdbcEventStorageEngine}), the second claiming under this instance's own
 * {@link ProcessorOwner} name.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = JdbcAutoConfiguration.class)
@EnableConfigurationProperties(TokenStoreProperties.class)
public class EventStoreAutoConfiguration {

    /** PostgreSQL's unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** Axon's default table and column names; Axon makes this bean only when it makes the event store too. */
    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean(EventSchema.class)
    public EventSchema eventSchema() {
        return new EventSchema();
    }

    /** Axon's JDBC event store as Axon would configure it, without snapshots (see the class). */
    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connections, TransactionManager transactions,
                                                 EventSchema schema) {
        return new SnapshotlessJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema));
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean({TokenStore.class, TokenSchema.class})
    public TokenSchema tokenSchema() {
        return new TokenSchema();
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(ConnectionProvider connections, TokenSchema schema, Serializer serializer,
                                 ProcessorOwner owner, TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(owner.name())
                .build();
    }
}
