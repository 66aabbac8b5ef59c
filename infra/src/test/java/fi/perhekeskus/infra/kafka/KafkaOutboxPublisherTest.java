package fi.perhekeskus.infra.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch commits (and its token moves) only after the broker acknowledged every record. */
class KafkaOutboxPublisherTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer());
    private final KafkaOutboxPublisher publisher = new KafkaOutboxPublisher(() -> producer,
            new CloudEventsMessageConverter(new ObjectMapper().registerModule(new JavaTimeModule()), "/test"),
            Duration.ofSeconds(5), 1_048_576);

    @Test
    void aBatchCommitsOnlyAfterEveryRecordIsAcknowledged() throws Exception {
        List<EventMessage<?>> batch = List.of(agency(), agency(), internalEvent());
        AtomicBoolean committed = new AtomicBoolean();
        ScheduledExecutorService broker = Executors.newSingleThreadScheduledExecutor();
        try {
            broker.schedule(() -> {
                committed.set(false);
                while (producer.completeNext()) {
                    // acknowledge what was sent
                }
            }, 200, TimeUnit.MILLISECONDS);

            UnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.afterCommit(u -> committed.set(true));
            // A batching unit of work runs the task once per event, as a processor batch does.
            var result = unitOfWork.executeWithResult(() -> publisher.handle(unitOfWork.getMessage()));
            assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        } finally {
            broker.shutdownNow();
        }

        assertThat(committed).isTrue();
        assertThat(producer.history()).hasSize(2)
                .allSatisfy(r -> assertThat(r.topic()).isEqualTo("perhekeskus.referral.events.v1"));
        assertThat(producer.history().get(0).key()).isEqualTo(((GenericDomainEventMessage<?>) batch.get(0)).getAggregateIdentifier());
    }

    @Test
    void aRefusedRecordFailsTheBatchSoItIsSentAgain() {
        List<EventMessage<?>> batch = List.of(agency(), agency());
        ScheduledExecutorService broker = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean committed = new AtomicBoolean();
        try {
            broker.schedule(() -> {
                producer.completeNext();
                producer.errorNext(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("broker down"));
            }, 200, TimeUnit.MILLISECONDS);

            UnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.afterCommit(u -> committed.set(true));
            assertThatThrownBy(() -> {
                var result = unitOfWork.executeWithResult(() -> publisher.handle(unitOfWork.getMessage()));
                if (result.isExceptional()) {
                    throw result.exceptionResult();
                }
            }).isInstanceOf(EventPublicationFailedException.class);
        } finally {
            broker.shutdownNow();
        }
        assertThat(committed).isFalse();
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
