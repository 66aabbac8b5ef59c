package fi.perhekeskus.infra.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.extensions.kafka.eventhandling.consumer.AsyncFetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.HashMap;
import java.util.Map;

/**
 * Consumers read the public topics through a streamable Kafka source: the processor keeps its own
 * token (partition offsets) in the service's token store, so it can be reset and replayed from
 * offset 0. The service registers its pooled streaming processors on sources from
 * {@link PublicEventSources}, one per processor.
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaSettings.class)
@ConditionalOnProperty(name = "perhekeskus.kafka.consume", havingValue = "true")
public class EventConsumingAutoConfiguration {

    @Bean(destroyMethod = "shutdown")
    public Fetcher<String, byte[], KafkaEventMessage> kafkaFetcher() {
        return AsyncFetcher.<String, byte[], KafkaEventMessage>builder()
                .pollTimeout(500)
                .build();
    }

    /** The public topics for the services' processors: each reads (parses) only what it handles. */
    @Bean
    public PublicEventSources publicEventSources(
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers,
            KafkaSettings settings,
            Fetcher<String, byte[], KafkaEventMessage> kafkaFetcher,
            ObjectMapper objectMapper,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        if (settings.createTopics()) {
            TopicCreator.ensureTopics(bootstrapServers, settings.partitions(), settings.maxRecordBytes());
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        // The publishers write in transactions: what a failed attempt left on the topic is never read.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        DefaultConsumerFactory<String, byte[]> consumers = new DefaultConsumerFactory<>(config);
        return reads -> new PublicEventSource(StreamableKafkaMessageSource.<String, byte[]>builder()
                .topics(settings.consumeTopics())
                .consumerFactory(consumers)
                .fetcher(kafkaFetcher)
                .messageConverter(new CloudEventsMessageConverter(objectMapper, settings.source(), reads))
                .serializer(eventSerializer)
                // Never the default timestamp-sorted buffer: see FetchOrderBuffer.
                .bufferFactory(PublicEventSource.buffers(10_000, settings.consumeLinger()))
                .build());
    }
}
