package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A service an agency offers, placed on the traffic-light model. */
@Aggregate
public class Service {

    @AggregateIdentifier
    private UUID serviceId;
    private UUID agencyId;
    private ServiceKind kind;
    private NeedLevel needLevel;
    private List<String> municipalities;
    private boolean withdrawn;

    protected Service() {
        // for Axon
    }

    @CommandHandler
    public Service(ListService command, AgencyRegistry agencies) {
        requireAgeRange(command.ageFromMonths(), command.ageToMonths());
        if (!agencies.isRegistered(command.agencyId())) {
            throw new RuleViolationException("agency " + command.agencyId() + " is not registered");
        }
        apply(new ServiceListed(command.serviceId(), command.agencyId(), command.name(), command.kind(),
                command.needLevel(), command.ageFromMonths(), command.ageToMonths(), List.copyOf(command.municipalities()),
                List.copyOf(command.languages()), command.description(), command.requestedBy(), command.requestedAt()));
    }

    @CommandHandler
    public void handle(UpdateService command) {
        requireListed();
        requireAgeRange(command.ageFromMonths(), command.ageToMonths());
        apply(new ServiceUpdated(serviceId, agencyId, command.name(), command.kind(), command.needLevel(),
                command.ageFromMonths(), command.ageToMonths(), List.copyOf(command.municipalities()),
                List.copyOf(command.languages()), command.description(), command.requestedBy(), command.requestedAt()));
    }

    @CommandHandler
    public void handle(WithdrawService command) {
        requireListed();
        apply(new ServiceWithdrawn(serviceId, agencyId, command.reason(), command.requestedBy(), command.requestedAt()));
    }

    /** What a referral needs to know of this service. */
    public ServiceOffer offer() {
        return new ServiceOffer(serviceId, agencyId, kind, needLevel, municipalities, withdrawn);
    }

    private void requireListed() {
        if (withdrawn) {
            throw new IllegalTransitionException("the service was withdrawn");
        }
    }

    private static void requireAgeRange(int from, int to) {
        if (from < 0 || to < from) {
            throw new RuleViolationException("the age range must run from 0 or more up to at least its start");
        }
    }

    @EventSourcingHandler
    void on(ServiceListed event) {
        serviceId = event.serviceId();
        agencyId = event.agencyId();
        kind = event.kind();
        needLevel = event.needLevel();
        municipalities = event.municipalities();
    }

    @EventSourcingHandler
    void on(ServiceUpdated event) {
        kind = event.kind();
        needLevel = event.needLevel();
        municipalities = event.municipalities();
    }

    @EventSourcingHandler
    void on(ServiceWithdrawn event) {
        withdrawn = true;
    }
}
