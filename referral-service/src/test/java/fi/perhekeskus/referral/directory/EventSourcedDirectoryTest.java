package fi.perhekeskus.referral.directory;

import fi.perhekeskus.referral.WriteModel;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent referrals to one popular service each read it: a read does not wait for another
 * command's unit of work that read the same service and is still open.
 */
class EventSourcedDirectoryTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CountDownLatch locked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        events.shutDown();
    }

    @Test
    @Timeout(30) // a read that waited for the lock would never finish
    void readsAServiceWhoseLockAnotherCommandHolds() throws Exception {
        events.publish(new GenericDomainEventMessage<>("Service", ServiceTest.SERVICE.toString(), 0,
                ServiceTest.listed()));
        EventSourcedDirectory directory = new EventSourcedDirectory(events);
        // One referral's unit of work has read the service and is still open.
        Thread holder = new Thread(() -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            directory.offer(ServiceTest.SERVICE);
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            unitOfWork.rollback();
        });
        holder.start();
        locked.await();

        Optional<ServiceOffer> offer = WriteModel.read("read the offer",
                () -> directory.offer(ServiceTest.SERVICE));

        assertThat(offer).hasValueSatisfying(o -> assertThat(o.agencyId()).isEqualTo(ServiceTest.AGENCY));
        release.countDown();
        holder.join();
    }
}
