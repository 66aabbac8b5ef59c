package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An agency of the family-centre network: a public unit, NGO, parish or company. */
@Aggregate
public class Agency {

    @AggregateIdentifier
    private UUID agencyId;

    protected Agency() {
        // for Axon
    }

    @CommandHandler
    public Agency(RegisterAgency command) {
        List<String> served = command.servedMunicipalities() == null || command.servedMunicipalities().isEmpty()
                ? List.of(command.municipality())
                : List.copyOf(command.servedMunicipalities());
        apply(new AgencyRegistered(command.agencyId(), command.name(), command.organizerType(),
                command.organizerName(), command.municipality(), served, command.contactEmail(), command.requestedBy(),
                command.requestedAt()));
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        this.agencyId = event.agencyId();
    }
}
