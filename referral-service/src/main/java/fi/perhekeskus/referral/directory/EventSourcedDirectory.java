package fi.perhekeskus.referral.directory;

import fi.perhekeskus.referral.ReadOnlyRepositories;
import fi.perhekeskus.referral.agency.Agency;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Answers directory questions from the aggregates themselves, in the caller's unit of work, so a
 * command never trusts a lagging view (an agency or service registered a moment ago is known).
 * Reads take no aggregate lock ({@link ReadOnlyRepositories}).
 */
@Component
public class EventSourcedDirectory implements AgencyRegistry, ServiceCatalog {

    private final Repository<Agency> agencies;
    private final Repository<Service> services;

    public EventSourcedDirectory(@Lazy EventStore eventStore) {
        this.agencies = ReadOnlyRepositories.of(Agency.class, eventStore);
        this.services = ReadOnlyRepositories.of(Service.class, eventStore);
    }

    @Override
    public boolean isRegistered(UUID agencyId) {
        try {
            agencies.load(agencyId.toString());
            return true;
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    @Override
    public Optional<ServiceOffer> offer(UUID serviceId) {
        try {
            return Optional.of(services.load(serviceId.toString()).invoke(Service::offer));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
