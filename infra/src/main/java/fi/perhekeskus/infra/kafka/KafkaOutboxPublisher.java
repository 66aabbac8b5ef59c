package fi.perhekeskus.infra.kafka;

import fi.perhekeskus.contract.EventCatalog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>An event that can never be sent — it cannot be serialised, its record exceeds the producer's
 * {@code max.request.size}, or the broker refuses it for good (a non-retriable error) — is thrown
 * out of {@link #handle} as {@link UnpublishableEventException}; the processor's sequenced
 * dead-letter queue parks it with its aggregate's later events, in order, and every other
 * aggregate keeps flowing. A broker refusal is known only from the acknowledgement, after the
 * whole batch was sent: that batch fails once, and its retry sends record by record, so that only
 * the refused event is parked. Transient failures (a broker gone, a timeout) are never parked.
 */
public class KafkaOutboxPublisher implements EventMessageHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutboxPublisher.class);
    private static final String PENDING = KafkaOutboxPublisher.class.getName() + ".pending";
    /** Record batch and request framing around a record's key, value and headers. */
    private static final int RECORD_OVERHEAD = 512;

    private final Supplier<Producer<String, byte[]>> producers;
    private final CloudEventsMessageConverter converter;
    private final Duration ackTimeout;
    private final int maxRecordBytes;
    private volatile Producer<String, byte[]> producer;
    /** After a broker refusal: send one record at a time until a batch commits. */
    private volatile boolean oneByOne;

    public KafkaOutboxPublisher(Map<String, Object> producerConfig, CloudEventsMessageConverter converter,
                                Duration ackTimeout) {
        this(() -> new KafkaProducer<>(producerConfig), converter, ackTimeout, maxRequestSize(producerConfig));
    }

    KafkaOutboxPublisher(Supplier<Producer<String, byte[]>> producers, CloudEventsMessageConverter converter,
                         Duration ackTimeout, int maxRecordBytes) {
        this.producers = producers;
        this.converter = converter;
        this.ackTimeout = ackTimeout;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Object handle(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (!EventCatalog.isPublic(type)) {
            // Internal events never leave the service.
            return null;
        }
        ProducerRecord<String, byte[]> record;
        try {
            record = converter.createKafkaMessage(event, EventCatalog.topicOf(type));
        } catch (RuntimeException unserialisable) {
            throw new UnpublishableEventException("cannot serialise " + type.getSimpleName() + " "
                    + event.getIdentifier() + ": " + unserialisable.getClass().getSimpleName(), unserialisable);
        }
        int size = sizeOf(record);
        if (size > maxRecordBytes) {
            throw new UnpublishableEventException(type.getSimpleName() + " " + event.getIdentifier() + " makes a record of "
                    + size + " bytes; the producer sends at most " + maxRecordBytes, null);
        }
        Future<RecordMetadata> ack = send(record);
        if (oneByOne) {
            awaitOne(event, ack);
        }
        pendingAcks().add(ack);
        return null;
    }

    private Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record);
        } catch (RuntimeException e) {
            // Thrown before sending (metadata not available in time, ...): the batch fails and is sent again.
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitOne(EventMessage<?> event, Future<RecordMetadata> ack) {
        try {
            ack.get(ackTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (refusedForGood(e.getCause())) {
                throw new UnpublishableEventException("the broker refused " + event.getPayloadType().getSimpleName()
                        + " " + event.getIdentifier() + ": " + e.getCause().getClass().getSimpleName(), e.getCause());
            }
        } catch (TimeoutException e) {
            // awaitAll fails the batch
        }
    }

    private List<Future<RecordMetadata>> pendingAcks() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(pending));
            unitOfWork.afterCommit(u -> oneByOne = false);
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
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (refusedForGood(cause)) {
                oneByOne = true;
                log.warn("The broker refused a record of a batch of {} events for good ({}); sending the batch "
                        + "again record by record to park only the refused event", pending.size(),
                        cause.getClass().getSimpleName());
            } else {
                log.warn("Publishing a batch of {} events failed; it will be sent again: {}", pending.size(), e.toString());
                resetProducer();
            }
            throw new EventPublicationFailedException("the broker did not acknowledge the batch", e);
        }
    }

    /** Non-retriable Kafka errors refuse the record itself; retriable ones and timeouts pass. */
    static boolean refusedForGood(Throwable cause) {
        return cause instanceof KafkaException && !(cause instanceof RetriableException)
                && !(cause instanceof org.apache.kafka.common.errors.TimeoutException)
                && !(cause instanceof AuthenticationException) && !(cause instanceof AuthorizationException);
    }

    static int sizeOf(ProducerRecord<String, byte[]> record) {
        int size = RECORD_OVERHEAD + (record.value() == null ? 0 : record.value().length)
                + (record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length);
        for (Header header : record.headers()) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private static int maxRequestSize(Map<String, Object> producerConfig) {
        Object configured = producerConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return configured == null ? 1_048_576 : Integer.parseInt(configured.toString());
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

    /**
     * A producer whose sends timed out may keep a broken sequence state; start afresh. Its requests
     * still in flight are waited for (they end by delivery timeout at the latest) before the batch is
     * sent again: closed at once, a request the broker had already taken could land after the retry's
     * records, putting an aggregate's earlier event behind its later one on the topic (seen in the
     * chaos run as a referral whose view never got its first step).
     */
    private synchronized void resetProducer() {
        if (producer != null) {
            Producer<String, byte[]> broken = producer;
            producer = null;
            broken.close(IN_FLIGHT_DRAIN);
        }
    }

    /** Above the producer's delivery timeout, so every request in flight has ended when close returns. */
    private static final Duration IN_FLIGHT_DRAIN = Duration.ofSeconds(30);

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
