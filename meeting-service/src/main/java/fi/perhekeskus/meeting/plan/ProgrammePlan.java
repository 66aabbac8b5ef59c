package fi.perhekeskus.meeting.plan;

import fi.perhekeskus.contract.programme.ProgrammesPlanned;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.ZoneOffset;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A group service's plan for one year. There is one per service and year: its id is derived from
 * both, so that a second plan is refused by the event store's unique key even when two arrive at
 * once (409), not by a lookup that could race.
 */
@Aggregate
public class ProgrammePlan {

    static final int MAX_SERIES = 12;
    static final int MAX_FAMILIES_PER_SERIES = 100;

    @AggregateIdentifier
    private UUID planId;

    protected ProgrammePlan() {
        // for Axon
    }

    @CommandHandler
    public ProgrammePlan(PlanProgrammes c) {
        if (!c.planId().equals(PlanProgrammes.idOf(c.serviceId(), c.year()))) {
            throw new IllegalArgumentException("a plan's id is derived from its service and year");
        }
        int thisYear = c.requestedAt().atZone(ZoneOffset.UTC).getYear();
        if (c.year() < thisYear - 1 || c.year() > thisYear + 5) {
            throw new RuleViolationException("a year is planned from the year before this one to five years ahead");
        }
        if (c.plannedSeries() < 1 || c.plannedSeries() > MAX_SERIES) {
            throw new RuleViolationException("plannedSeries is 1 to " + MAX_SERIES);
        }
        if (c.plannedFamiliesPerSeries() < 1 || c.plannedFamiliesPerSeries() > MAX_FAMILIES_PER_SERIES) {
            throw new RuleViolationException("plannedFamiliesPerSeries is 1 to " + MAX_FAMILIES_PER_SERIES);
        }
        apply(new ProgrammesPlanned(c.planId(), c.serviceId(), c.year(), c.plannedSeries(),
                c.plannedFamiliesPerSeries(), c.requestedBy(), c.requestedAt()));
    }

    @EventSourcingHandler
    void on(ProgrammesPlanned e) {
        planId = e.planId();
    }
}
