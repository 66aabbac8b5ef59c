package fi.perhekeskus.infra.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.EventCatalog;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The event store is the outbox: a pooled streaming processor reads every stored event and
 * publishes the public ones to their topic. The producer is idempotent with acks=all, and the
 * processor waits for the broker's acknowledgement before its token moves, so an event is on Kafka
 * if and only if it was stored (at least once, in order per aggregate). A failing broker stops the
 * processor, never a command; it retries and resumes from its token.
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaSettings.class)
@ConditionalOnProperty(name = "perhekeskus.kafka.publish", havingValue = "true")
public class EventPublishingAutoConfiguration {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    @Bean(destroyMethod = "shutDown")
    public ProducerFactory<String, byte[]> eventProducerFactory(
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers,
            KafkaSettings settings) {
        if (settings.createTopics()) {
            TopicCreator.ensureTopics(bootstrapServers, settings.partitions());
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return DefaultProducerFactory.<String, byte[]>builder()
                .configuration(config)
                .confirmationMode(ConfirmationMode.WAIT_FOR_ACK)
                .build();
    }

    @Bean
    public CloudEventsMessageConverter cloudEventsMessageConverter(ObjectMapper objectMapper, KafkaSettings settings) {
        return new CloudEventsMessageConverter(objectMapper, settings.source());
    }

    @Bean(destroyMethod = "shutDown")
    public KafkaPublisher<String, byte[]> kafkaPublisher(ProducerFactory<String, byte[]> eventProducerFactory,
                                                        CloudEventsMessageConverter converter,
                                                        @Qualifier("eventSerializer") Serializer eventSerializer) {
        return KafkaPublisher.<String, byte[]>builder()
                .producerFactory(eventProducerFactory)
                .messageConverter(converter)
                .serializer(eventSerializer)
                // Internal events (not in the public catalog) never leave the service.
                .topicResolver(event -> EventCatalog.isPublic(event.getPayloadType())
                        ? Optional.of(EventCatalog.topicOf(event.getPayloadType()))
                        : Optional.empty())
                .publisherAckTimeout(15_000)
                .build();
    }

    @Bean
    public ConfigurerModule kafkaPublishingProcessor(KafkaPublisher<String, byte[]> kafkaPublisher,
                                                     KafkaSettings settings) {
        KafkaEventPublisher<String, byte[]> publisher = KafkaEventPublisher.<String, byte[]>builder()
                .kafkaPublisher(kafkaPublisher)
                .processingGroup(PROCESSING_GROUP)
                .build();
        return configurer -> configurer.eventProcessing()
                .registerEventHandler(config -> publisher)
                .assignHandlerInstancesMatching(PROCESSING_GROUP, handler -> handler == publisher)
                // A failed send must fail the batch so the token is not advanced past it.
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance())
                .registerPooledStreamingEventProcessor(PROCESSING_GROUP, Configuration::eventStore,
                        (config, builder) -> builder
                                .initialSegmentCount(settings.publisherSegments())
                                .batchSize(settings.publisherBatchSize()));
    }
}
