package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.contract.gathering.OpenPlaceVisitsRecorded;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An open meeting place (kohtaamispaikka): only anonymous visit counts, day by day. */
@Aggregate
public class OpenPlace {

    public record RecordVisits(@TargetAggregateIdentifier UUID placeId, LocalDate date, int families, int adults,
                               int children, String requestedBy, Instant requestedAt) {
    }

    @AggregateIdentifier
    private UUID placeId;

    protected OpenPlace() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordVisits c) {
        if (c.families() > c.adults() + c.children() || c.adults() + c.children() < 0) {
            throw new RuleViolationException("families cannot outnumber the people who came");
        }
        if (c.date().isAfter(c.requestedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1))) {
            throw new RuleViolationException("visits are recorded for days that have come");
        }
        apply(new OpenPlaceVisitsRecorded(c.placeId(), c.date(), c.families(), c.adults(), c.children(),
                c.requestedBy(), c.requestedAt()));
    }

    @EventSourcingHandler
    void on(OpenPlaceVisitsRecorded e) {
        placeId = e.placeId();
    }
}
