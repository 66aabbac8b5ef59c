package fi.perhekeskus.referral;

import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;

/**
 * Repositories that load an aggregate from its events to read its state, without taking the
 * aggregate's lock. A command that only reads another aggregate (a referral reading the service it
 * goes to, or the family's consents) would otherwise hold that aggregate's lock for its whole
 * transaction, and every referral to a popular service would queue behind the others. Never used
 * to change an aggregate: commands that change one go through its own, locking repository.
 */
public final class ReadOnlyRepositories {

    private ReadOnlyRepositories() {
    }

    public static <T> Repository<T> of(Class<T> aggregateType, EventStore eventStore) {
        return EventSourcingRepository.builder(aggregateType)
                .eventStore(eventStore)
                .lockFactory(NullLockFactory.INSTANCE)
                .build();
    }
}
