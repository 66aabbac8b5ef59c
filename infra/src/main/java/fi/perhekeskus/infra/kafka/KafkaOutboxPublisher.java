package fi.perhekeskus.infra.kafka;

import fi.perhekeskus.contract.EventCatalog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Publishes the stored public events of one processor batch to Kafka. Every record of the batch
 * is sent at once (pipelined), and the batch's unit of work waits for all acknowledgements before
 * it commits, so the processor's token — stored in the same transaction — moves only past events
 * the broker has. A failed send fails the batch: the token stays and the batch is sent again
 * (at-least-once; consumers deduplicate by event id). Records carry the aggregate id as key, so an
 * aggregate's events stay in order on one partition.
 */
public class KafkaOutboxPublisher implements EventMessageHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutboxPublisher.class);
    private static final String PENDING = KafkaOutboxPublisher.class.getName() + ".pending";

    private final Supplier<Producer<String, byte[]>> producers;
    private final CloudEventsMessageConverter converter;
    private final Duration ackTimeout;
    private volatile Producer<String, byte[]> producer;

    public KafkaOutboxPublisher(Map<String, Object> producerConfig, CloudEventsMessageConverter converter,
                                Duration ackTimeout) {
        this(() -> new KafkaProducer<>(producerConfig), converter, ackTimeout);
    }

    KafkaOutboxPublisher(Supplier<Producer<String, byte[]>> producers, CloudEventsMessageConverter converter,
                         Duration ackTimeout) {
        this.producers = producers;
        this.converter = converter;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public Object handle(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (!EventCatalog.isPublic(type)) {
            // Internal events never leave the service.
            return null;
        }
        Future<RecordMetadata> ack = producer().send(converter.createKafkaMessage(event, EventCatalog.topicOf(type)));
        pendingAcks().add(ack);
        return null;
    }

    private List<Future<RecordMetadata>> pendingAcks() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> pending) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> ack : pending) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Publishing a batch of {} events failed; it will be sent again: {}", pending.size(), e.toString());
            resetProducer();
            throw new EventPublicationFailedException("the broker did not acknowledge the batch", e);
        }
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = producers.get();
                }
                current = producer;
            }
        }
        return current;
    }

    /** A producer whose sends timed out may keep a broken sequence state; start afresh. */
    private synchronized void resetProducer() {
        if (producer != null) {
            Producer<String, byte[]> broken = producer;
            producer = null;
            broken.close(Duration.ZERO);
        }
    }

    @Override
    public boolean supportsReset() {
        // Replaying the outbox would republish history; integrators replay from the topic instead.
        return false;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
