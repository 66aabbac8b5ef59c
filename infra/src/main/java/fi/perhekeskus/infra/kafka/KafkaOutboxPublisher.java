package fi.perhekeskus.infra.kafka;

import fi.perhekeskus.contract.EventCatalog;
import org.apache.kafka.clients.producer.Producer;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Publishes the stored public events of one processor batch to Kafka, in one Kafka transaction.
 * The batch's unit of work commits the transaction before it commits the processor's token (stored
 * in the same database transaction as the batch), so the token moves only past events the broker
 * has committed. A failed batch is aborted and sent again whole, in order (at-least-once; consumers
 * deduplicate by event id and aggregate sequence).
 *
 * <p>Why transactions: consumers read committed records only, so the part of a failed attempt
 * that did reach the broker is never seen. Without them a killed process, a restarted broker or an
 * expired request could leave an aggregate's later event on the topic ahead of its earlier one
 * (the earlier one arriving only with the retry), and a consumer that keeps the newest sequence
 * per aggregate would drop the earlier one. The transactional id is per segment of the publishing
 * processor: a producer started for a segment fences the one before it (a killed or stalled
 * process), and its open transaction is aborted at once.
 *
 * <p>An event that can never be sent — it cannot be serialised, its record exceeds the producer's
 * {@code max.request.size}, or the broker refuses it for good (a non-retriable error) — is thrown
 * out of {@link #handle} as {@link UnpublishableEventException}; the processor's sequenced
 * dead-letter queue parks it with its aggregate's later events, in order, and every other aggregate
 * keeps flowing. A broker refusal is known only when the transaction ends: that batch fails once,
 * and its retry sends record by record, each in its own transaction, so that only the refused event
 * is parked. Transient failures (a broker gone, a timeout) are never parked.
 */
public class KafkaOutboxPublisher implements EventMessageHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutboxPublisher.class);
    private static final String BATCH = KafkaOutboxPublisher.class.getName() + ".batch";
    /** Record batch and request framing around a record's key, value and headers. */
    private static final int RECORD_OVERHEAD = 512;

    private final Function<String, Producer<String, byte[]>> producers;
    private final String transactionalIdPrefix;
    private final CloudEventsMessageConverter converter;
    private final int maxRecordBytes;
    private final Map<Integer, Producer<String, byte[]>> bySegment = new ConcurrentHashMap<>();
    /** After a broker refusal: one record per transaction until a batch commits. */
    private volatile boolean oneByOne;

    /**
     * @param producers             a transactional producer for a transactional id
     * @param transactionalIdPrefix this service's publisher; the segment's number is appended
     */
    public KafkaOutboxPublisher(Function<String, Producer<String, byte[]>> producers, String transactionalIdPrefix,
                                CloudEventsMessageConverter converter, int maxRecordBytes) {
        this.producers = producers;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.converter = converter;
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
        Batch batch = batch();
        if (oneByOne) {
            batch.sendAlone(event, record);
        } else {
            batch.send(record);
        }
        return null;
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(segmentOf(unitOfWork));
            unitOfWork.onPrepareCommit(u -> batch.commit());
            unitOfWork.onRollback(u -> batch.abandon());
            unitOfWork.afterCommit(u -> oneByOne = false);
            return batch;
        });
    }

    /** The segment a tracking processor's batch belongs to (the processor puts it in the unit of work). */
    private static int segmentOf(UnitOfWork<?> unitOfWork) {
        for (Map.Entry<String, Object> resource : unitOfWork.resources().entrySet()) {
            if (resource.getKey().endsWith("/SegmentId") && resource.getValue() instanceof Integer segment) {
                return segment;
            }
        }
        return 0;
    }

    /** The events of one unit of work and the transaction they are sent in. */
    private final class Batch {

        private final int segment;
        private final List<Future<RecordMetadata>> acks = new ArrayList<>();
        private Producer<String, byte[]> producer;
        private boolean open;
        private RuntimeException failure;

        Batch(int segment) {
            this.segment = segment;
        }

        void send(ProducerRecord<String, byte[]> record) {
            if (failure != null) {
                return;
            }
            try {
                begin();
                acks.add(producer.send(record));
            } catch (RuntimeException e) {
                // Thrown before sending (no broker, metadata not available in time, a fenced producer ...).
                failure = e;
            }
        }

        /** Its own transaction, ended before the next event, so that a refusal names this event. */
        void sendAlone(EventMessage<?> event, ProducerRecord<String, byte[]> record) {
            send(record);
            if (failure != null) {
                return;
            }
            try {
                producer.commitTransaction();
                open = false;
                acks.clear();
            } catch (RuntimeException e) {
                Optional<Throwable> refusal = refusal();
                if (refusal.isPresent() && abortOnly()) {
                    throw new UnpublishableEventException("the broker refused " + event.getPayloadType().getSimpleName()
                            + " " + event.getIdentifier() + ": " + refusal.get().getClass().getSimpleName(), refusal.get());
                }
                abortAndForget(e);
                failure = e;
            }
        }

        void commit() {
            if (failure == null && open) {
                try {
                    producer.commitTransaction();
                    open = false;
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure == null) {
                return;
            }
            Optional<Throwable> refusal = refusal();
            abortAndForget(failure);
            if (refusal.isPresent()) {
                oneByOne = true;
                log.warn("The broker refused a record of a batch for good ({}); sending the batch again record by "
                        + "record to park only the refused event", refusal.get().getClass().getSimpleName());
            } else {
                log.warn("Publishing a batch failed; it will be sent again: {}", failure.toString());
            }
            throw new EventPublicationFailedException("the broker did not commit the batch", failure);
        }

        /** The unit of work failed for another reason: nothing of it may become visible. */
        void abandon() {
            if (open) {
                abortAndForget(null);
            }
        }

        private void begin() {
            if (open) {
                return;
            }
            producer = producerFor(segment);
            producer.beginTransaction();
            open = true;
        }

        private Optional<Throwable> refusal() {
            for (Future<RecordMetadata> ack : acks) {
                if (ack.isDone()) {
                    try {
                        ack.get();
                    } catch (ExecutionException e) {
                        if (refusedForGood(e.getCause())) {
                            return Optional.of(e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    } catch (RuntimeException cancelled) {
                        // not a refusal
                    }
                }
            }
            return Optional.empty();
        }

        /** After a refusal the producer is sound: abort the refused record's transaction and go on with it. */
        private boolean abortOnly() {
            try {
                producer.abortTransaction();
                open = false;
                acks.clear();
                return true;
            } catch (RuntimeException notAborted) {
                return false;
            }
        }

        /**
         * Aborts what was sent and drops the producer: the next batch starts a new one, whose
         * initialisation fences this one and settles any transaction it left open.
         */
        private void abortAndForget(RuntimeException cause) {
            if (producer != null) {
                try {
                    if (open) {
                        producer.abortTransaction();
                    }
                } catch (RuntimeException notAborted) {
                    log.debug("Could not abort the transaction (the next producer for segment {} will): {}",
                            segment, notAborted.toString());
                }
                discard(segment, producer);
            }
            open = false;
            acks.clear();
            if (cause != null) {
                log.debug("Batch of segment {} failed", segment, cause);
            }
        }
    }

    private Producer<String, byte[]> producerFor(int segment) {
        return bySegment.computeIfAbsent(segment, s -> {
            Producer<String, byte[]> producer = producers.apply(transactionalIdPrefix + "-" + s);
            try {
                producer.initTransactions();
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
            return producer;
        });
    }

    private void discard(int segment, Producer<String, byte[]> producer) {
        if (bySegment.remove(segment, producer)) {
            producer.close(Duration.ZERO);
        }
    }

    /** Non-retriable Kafka errors refuse the record itself; retriable ones and timeouts pass. */
    static boolean refusedForGood(Throwable cause) {
        return cause instanceof KafkaException && !(cause instanceof RetriableException)
                && !(cause instanceof org.apache.kafka.common.errors.TimeoutException)
                && !(cause instanceof AuthenticationException) && !(cause instanceof AuthorizationException)
                && !(cause instanceof org.apache.kafka.common.errors.ProducerFencedException)
                && !(cause instanceof org.apache.kafka.common.errors.InvalidProducerEpochException)
                && !(cause instanceof org.apache.kafka.common.errors.OutOfOrderSequenceException)
                && !(cause instanceof org.apache.kafka.common.errors.TransactionAbortedException);
    }

    static int sizeOf(ProducerRecord<String, byte[]> record) {
        int size = RECORD_OVERHEAD + (record.value() == null ? 0 : record.value().length)
                + (record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length);
        for (Header header : record.headers()) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    @Override
    public boolean supportsReset() {
        // Replaying the outbox would republish history; integrators replay from the topic instead.
        return false;
    }

    @Override
    public void close() {
        bySegment.values().forEach(producer -> producer.close(Duration.ofSeconds(10)));
        bySegment.clear();
    }
}
