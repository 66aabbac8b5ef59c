package fi.perhekeskus.infra.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is one Kafka transaction: its unit of work (and so the processor's token) commits only
 * after the transaction did; a failed one is aborted, so that nothing of it is ever read.
 */
class KafkaOutboxPublisherTest {

    private final List<TestProducer> producers = new CopyOnWriteArrayList<>();
    private final Set<String> refusedKeys = new java.util.concurrent.ConcurrentSkipListSet<>();
    private final KafkaOutboxPublisher publisher = new KafkaOutboxPublisher(transactionalId -> {
        TestProducer producer = new TestProducer(transactionalId, refusedKeys);
        producers.add(producer);
        return producer;
    }, "referral.test-outbox",
            new CloudEventsMessageConverter(new ObjectMapper().registerModule(new JavaTimeModule()), "/test"),
            1_048_576);

    @Test
    void aBatchIsOneTransactionCommittedBeforeItsUnitOfWork() {
        List<EventMessage<?>> batch = List.of(agency(), agency(), internalEvent());
        AtomicBoolean committedAfterTransaction = new AtomicBoolean();

        UnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.afterCommit(u -> committedAfterTransaction.set(producers.get(0).transactionCommitted()));
        var result = unitOfWork.executeWithResult(() -> publisher.handle(unitOfWork.getMessage()));

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(committedAfterTransaction).isTrue();
        assertThat(producers).hasSize(1);
        TestProducer producer = producers.get(0);
        assertThat(producer.transactionalId).isEqualTo("referral.test-outbox-0");
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history()).hasSize(2)
                .allSatisfy(r -> assertThat(r.topic()).isEqualTo("perhekeskus.referral.events.v1"));
        assertThat(producer.history().get(0).key())
                .isEqualTo(((GenericDomainEventMessage<?>) batch.get(0)).getAggregateIdentifier());
    }

    @Test
    void aFailedCommitAbortsTheTransactionAndFailsTheBatchSoItIsSentAgain() {
        UnitOfWork<EventMessage<?>> first = new BatchingUnitOfWork<>(List.of(agency(), agency()));
        AtomicBoolean committed = new AtomicBoolean();
        first.onPrepareCommit(u -> producers.get(0).commitTransactionException = new TimeoutException("broker gone"));
        first.afterCommit(u -> committed.set(true));
        var result = first.executeWithResult(() -> publisher.handle(first.getMessage()));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(EventPublicationFailedException.class);
        assertThat(committed).isFalse();
        assertThat(producers.get(0).transactionAborted()).isTrue();
        assertThat(producers.get(0).history()).as("nothing of an aborted transaction is read").isEmpty();
        assertThat(producers.get(0).closed()).as("the next batch starts a producer that fences this one").isTrue();

        UnitOfWork<EventMessage<?>> again = new BatchingUnitOfWork<>(List.of(agency(), agency()));
        assertThat(again.executeWithResult(() -> publisher.handle(again.getMessage())).isExceptional()).isFalse();
        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).transactionalId).isEqualTo(producers.get(0).transactionalId);
        assertThat(producers.get(1).history()).hasSize(2);
    }

    @Test
    void aRefusedRecordIsParkedAloneOnTheRetryAndTheOthersOfItsBatchAreSent() {
        EventMessage<?> before = agency();
        EventMessage<?> refused = agency();
        EventMessage<?> after = agency();
        refusedKeys.add(((GenericDomainEventMessage<?>) refused).getAggregateIdentifier());
        List<EventMessage<?>> batch = List.of(before, refused, after);

        UnitOfWork<EventMessage<?>> first = new BatchingUnitOfWork<>(batch);
        var failed = first.executeWithResult(() -> publisher.handle(first.getMessage()));
        assertThat(failed.isExceptional()).isTrue();
        assertThat(failed.exceptionResult()).isInstanceOf(EventPublicationFailedException.class);
        assertThat(producers.get(0).history()).isEmpty();

        // The retry: one transaction per record; the refused one is thrown for the dead-letter queue.
        List<Class<?>> outcomes = new ArrayList<>();
        UnitOfWork<EventMessage<?>> retry = new BatchingUnitOfWork<>(batch);
        var result = retry.executeWithResult(() -> {
            try {
                publisher.handle(retry.getMessage());
                outcomes.add(Void.class);
            } catch (UnpublishableEventException parked) {
                outcomes.add(parked.getClass());
            }
            return null;
        });
        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(outcomes).containsExactly(Void.class, UnpublishableEventException.class, Void.class);
        TestProducer producer = producers.get(producers.size() - 1);
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly(
                ((GenericDomainEventMessage<?>) before).getAggregateIdentifier(),
                ((GenericDomainEventMessage<?>) after).getAggregateIdentifier());
    }

    @Test
    void aUnitOfWorkRolledBackForAnotherReasonAbortsItsTransaction() {
        UnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(agency()));
        var result = unitOfWork.executeWithResult(() -> {
            publisher.handle(unitOfWork.getMessage());
            throw new IllegalStateException("the token store is gone");
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(producers.get(0).transactionAborted()).isTrue();
        assertThat(producers.get(0).history()).isEmpty();
    }

    @Test
    void onlyPermanentErrorsCountAsARefusal() {
        assertThat(KafkaOutboxPublisher.refusedForGood(new RecordTooLargeException("too large"))).isTrue();
        assertThat(KafkaOutboxPublisher.refusedForGood(new TimeoutException("slow"))).isFalse();
        assertThat(KafkaOutboxPublisher.refusedForGood(
                new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moving"))).isFalse();
        assertThat(KafkaOutboxPublisher.refusedForGood(
                new org.apache.kafka.common.errors.ProducerFencedException("another instance"))).isFalse();
    }

    /** A producer whose broker refuses records with some keys, failing the transaction as Kafka does. */
    private static final class TestProducer extends MockProducer<String, byte[]> {

        final String transactionalId;
        private final Set<String> refusedKeys;
        private boolean inError;

        TestProducer(String transactionalId, Set<String> refusedKeys) {
            super(true, new StringSerializer(), new ByteArraySerializer());
            this.transactionalId = transactionalId;
            this.refusedKeys = refusedKeys;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            if (refusedKeys.contains(record.key())) {
                inError = true;
                return CompletableFuture.failedFuture(new RecordTooLargeException("refused by the broker"));
            }
            return super.send(record);
        }

        @Override
        public synchronized void commitTransaction() {
            if (inError) {
                throw new KafkaException("Cannot execute transactional method because we are in an error state");
            }
            super.commitTransaction();
        }

        @Override
        public synchronized void abortTransaction() {
            inError = false;
            super.abortTransaction();
        }
    }

    private static EventMessage<?> agency() {
        UUID id = UUID.randomUUID();
        return new GenericDomainEventMessage<>("Agency", id.toString(), 0, new AgencyRegistered(id, "Neuvola",
                OrganizerType.WELLBEING_COUNTY, "Pirha", "Tampere", List.of("Tampere"), "c", Instant.now()));
    }

    private static EventMessage<?> internalEvent() {
        return new GenericDomainEventMessage<>("Other", UUID.randomUUID().toString(), 0, "not a public event");
    }
}
