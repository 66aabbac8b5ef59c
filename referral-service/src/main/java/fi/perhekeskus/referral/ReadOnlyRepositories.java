package fi.perhekeskus.referral;

import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;

/**
 * Repositories that load an aggregate from its events to read its state, without taking the
 * aggregate's lock. A command that only reads another aggregate (a referral reading the service it
 * goes to, or the family's consents) would otherwise hold that aggregate's lock for its whole
 * transaction, and every referral to a popular service would queue behind the others. Never used
 * to change an aggregate: commands that change one go through its own, locking repository, and the
 * command handlers' resources are not resolved here.
 */
public final class ReadOnlyRepositories {

    private ReadOnlyRepositories() {
    }

    public static <T> Repository<T> of(Class<T> aggregateType, EventStore eventStore) {
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(aggregateType),
                // The first parameter is the payload; others Axon does not know are command handlers' resources.
                (executable, declared, index) -> index == 0 ? null : NOT_FOR_COMMANDS);
        return EventSourcingRepository.builder(aggregateType)
                .eventStore(eventStore)
                .lockFactory(NullLockFactory.INSTANCE)
                .parameterResolverFactory(parameters)
                .build();
    }

    private static final ParameterResolver<Object> NOT_FOR_COMMANDS = new ParameterResolver<>() {
        @Override
        public Object resolveParameterValue(Message<?> message) {
            throw new IllegalStateException("a read-only repository does not handle commands");
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    };
}
