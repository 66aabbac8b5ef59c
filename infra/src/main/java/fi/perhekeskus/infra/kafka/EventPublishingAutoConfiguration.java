package fi.perhekeskus.infra.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.HashMap;
import java.util.Map;

/**
 * The event store is the outbox: a tracking event processor reads every stored event and
 * publishes the public ones to their topic ({@link KafkaOutboxPublisher}). Each batch is one
 * Kafka transaction (acks=all), and a batch's token moves only after the broker committed it, so an event is on Kafka if and only if it was stored (at least once, in order per
 * aggregate). A failing broker stops the processor, never a command; it retries from its token.
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaSettings.class)
@ConditionalOnProperty(name = "perhekeskus.kafka.publish", havingValue = "true")
public class EventPublishingAutoConfiguration {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    @Bean
    public CloudEventsMessageConverter cloudEventsMessageConverter(ObjectMapper objectMapper, KafkaSettings settings) {
        return new CloudEventsMessageConverter(objectMapper, settings.source());
    }

    @Bean(destroyMethod = "close")
    public KafkaOutboxPublisher kafkaOutboxPublisher(
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers,
            KafkaSettings settings, CloudEventsMessageConverter converter, ConnectionProvider connections) {
        if (settings.createTopics()) {
            TopicCreator.ensureTopics(bootstrapServers, settings.partitions(), settings.maxRecordBytes());
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        // Bounds initTransactions, a send waiting for metadata and the commit of a batch.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        // A killed publisher's open transaction holds consumers back until its successor fences it
        // at start, or at the latest until this timeout aborts it.
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        // Every event a request within the limits of docs/contract.md can produce fits with room to spare; a record
        // the producer refused would hold back every later event.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.maxRecordBytes());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // One outbox per event store: two stores of one service (a test's second instance, a staging
        // copy) must not fence each other; two instances on one store share, segment by segment.
        String publisher = settings.source().replace('/', '-').replaceAll("^-+", "") + "." + storeName(connections)
                + "-outbox";
        config.put(ProducerConfig.CLIENT_ID_CONFIG, publisher);
        return new KafkaOutboxPublisher(transactionalId -> {
            Map<String, Object> forSegment = new HashMap<>(config);
            forSegment.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            forSegment.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
            return new KafkaProducer<>(forSegment);
        }, publisher, converter, settings.maxRecordBytes());
    }

    @Bean
    public ConfigurerModule kafkaPublishingProcessor(KafkaOutboxPublisher publisher, KafkaSettings settings,
                                                     ConnectionProvider connections, TransactionManager transactions,
                                                     DeadLetterSchema schema, Serializer serializer,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing()
                .registerEventHandler(config -> publisher)
                // An event that can never be sent is parked with its aggregate's later events, in order,
                // in this service's PostgreSQL; other aggregates keep flowing (KafkaOutboxPublisher).
                .registerDeadLetterQueue(PROCESSING_GROUP, config -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(PROCESSING_GROUP)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(PROCESSING_GROUP,
                        (config, builder) -> builder.enableSequenceIdentifierCache())
                .assignHandlerInstancesMatching(PROCESSING_GROUP, handler -> handler == publisher)
                // A failed batch must fail, so that its token is not stored and it is sent again.
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance())
                // Tracking, not pooled: a tracking thread waits on the event store and wakes with a new
                // event; a pooled coordinator polls this store's idle stream every 500 ms.
                .registerTrackingEventProcessor(PROCESSING_GROUP, Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration
                                .forParallelProcessing(settings.publisherSegments())
                                .andInitialSegmentsCount(settings.publisherSegments())
                                .andBatchSize(settings.publisherBatchSize()));
    }

    private static String storeName(ConnectionProvider connections) {
        try (java.sql.Connection connection = connections.getConnection()) {
            String catalog = connection.getCatalog();
            return catalog == null || catalog.isBlank() ? "store" : catalog;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the event store's database name", e);
        }
    }
}
