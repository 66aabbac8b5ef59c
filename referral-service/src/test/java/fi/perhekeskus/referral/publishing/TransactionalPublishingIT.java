package fi.perhekeskus.referral.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import fi.perhekeskus.infra.kafka.KafkaOutboxPublisher;
import fi.perhekeskus.infra.kafka.KafkaSettings;
import fi.perhekeskus.infra.kafka.TopicCreator;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against the real broker: what a failed attempt to publish a batch sent is on the topic, but no
 * consumer of the platform ever reads it; the retry's records are read once, in order. This is
 * what keeps an aggregate's earlier event from arriving behind its later one when a process or the
 * broker dies mid-batch (the chaos run's lost enrolment).
 */
class TransactionalPublishingIT {

    private final String bootstrap = LocalInfrastructure.shared().kafkaBootstrapServers();
    private final String aggregate = UUID.randomUUID().toString();
    private final KafkaOutboxPublisher publisher = new KafkaOutboxPublisher(transactionalId -> {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }, "transactional-it-" + aggregate, new CloudEventsMessageConverter(
            new ObjectMapper().registerModule(new JavaTimeModule()), "/perhekeskus/referral-service"),
            KafkaSettings.DEFAULT_MAX_RECORD_BYTES);

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void aFailedAttemptIsNeverReadAndItsRetryIsReadOnceInOrder() {
        TopicCreator.ensureTopics(bootstrap, 3, KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
        List<EventMessage<?>> batch = List.of(event(0), event(1), event(2));

        // The first attempt sends every record, then its unit of work fails (a token store gone, a
        // process dying before the commit): the records reach the broker, the transaction does not.
        UnitOfWork<EventMessage<?>> failed = new BatchingUnitOfWork<>(batch);
        var result = failed.executeWithResult(() -> {
            publisher.handle(failed.getMessage());
            if (failed.getMessage() == batch.get(batch.size() - 1)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> records("read_uncommitted").size() == batch.size());
                throw new IllegalStateException("the token could not be stored");
            }
            return null;
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(records("read_uncommitted")).as("the failed attempt did reach the broker").hasSize(3);

        UnitOfWork<EventMessage<?>> retry = new BatchingUnitOfWork<>(batch);
        assertThat(retry.executeWithResult(() -> publisher.handle(retry.getMessage())).isExceptional()).isFalse();

        List<ConsumerRecord<String, byte[]>> read = records("read_committed");
        assertThat(read).extracting(r -> new String(r.headers().lastHeader("ce_id").value()))
                .as("only the retry, once, in the aggregate's order")
                .containsExactly(batch.stream().map(EventMessage::getIdentifier).toArray(String[]::new));
    }

    /** This aggregate's records on the referral topic, read from the beginning to the end. */
    private List<ConsumerRecord<String, byte[]>> records(String isolation) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REFERRAL_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (aggregate.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private EventMessage<?> event(long sequence) {
        UUID id = UUID.fromString(aggregate);
        return new GenericDomainEventMessage<>("Agency", aggregate, sequence, new AgencyRegistered(id,
                "Neuvola " + sequence, OrganizerType.WELLBEING_COUNTY, "Pirha", "Tampere", List.of("Tampere"), "c",
                Instant.now()));
    }
}
