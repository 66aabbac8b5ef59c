package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceCapacityChanged;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A service an agency offers, placed on the traffic-light model. */
@Aggregate
public class Service {

    /** {@code changedBy} of the capacity the platform keeps. */
    public static final String PLATFORM = "platform";

    @AggregateIdentifier
    private UUID serviceId;
    private UUID agencyId;
    private ServiceKind kind;
    private NeedLevel needLevel;
    private List<String> municipalities;
    private boolean withdrawn;
    private CapacityStatus capacity;
    private Integer waitWeeks;

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

    /**
     * Capacity by hand: a worker of the service's own agency or a coordinator. A GROUP service's
     * capacity is kept by the platform from its programmes, so a manual change is refused there.
     * Setting what is already set records nothing.
     */
    @CommandHandler
    public void handle(ChangeServiceCapacity command) {
        requireListed();
        if (!command.coordinator() && !agencyId.equals(command.callerAgency())) {
            throw new NotPartyException("only a worker of the service's own agency or a coordinator sets its capacity");
        }
        if (kind == ServiceKind.GROUP) {
            throw new IllegalTransitionException("the capacity of a GROUP service is kept by the platform "
                    + "from its upcoming programmes");
        }
        if (command.status() == null) {
            throw new RuleViolationException("a capacity needs a status");
        }
        Integer weeks = command.waitWeeks();
        if (weeks != null && command.status() != CapacityStatus.WAITLIST) {
            throw new RuleViolationException("waitWeeks belongs to a WAITLIST capacity only");
        }
        if (weeks != null && (weeks < 0 || weeks > Capacity.MAX_WAIT_WEEKS)) {
            throw new RuleViolationException("waitWeeks must be 0 to " + Capacity.MAX_WAIT_WEEKS);
        }
        if (command.status() != capacity || !Objects.equals(weeks, waitWeeks)) {
            apply(new ServiceCapacityChanged(serviceId, agencyId, command.status(), weeks, false,
                    command.requestedBy(), command.requestedAt()));
        }
    }

    /**
     * The platform's capacity of a GROUP service. It never refuses (it comes from another service's
     * facts, and redelivery repeats it): a withdrawn or non-GROUP service, or an unchanged status,
     * records nothing.
     */
    @CommandHandler
    public void handle(KeepGroupCapacity command) {
        if (withdrawn || kind != ServiceKind.GROUP || command.status() == capacity) {
            return;
        }
        apply(new ServiceCapacityChanged(serviceId, agencyId, command.status(), null, true, PLATFORM, command.at()));
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
        capacity = Capacity.initial(event.kind());
    }

    @EventSourcingHandler
    void on(ServiceCapacityChanged event) {
        capacity = event.status();
        waitWeeks = event.waitWeeks();
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
