package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.contract.gathering.OpenPlaceRegistered;
import fi.perhekeskus.contract.gathering.OpenPlaceVisitsCorrected;
import fi.perhekeskus.contract.gathering.OpenPlaceVisitsRecorded;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.RegisteredAgencies;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An open meeting place (kohtaamispaikka) in the registry, run by one agency: only anonymous visit
 * counts, one record per day, which its agency may correct.
 */
@Aggregate
public class OpenPlace {

    @AggregateIdentifier
    private UUID placeId;
    /** Null for a place whose visits were recorded before the registry existed: it takes no more. */
    private UUID agencyId;
    /** The counts of each recorded day, corrections applied. */
    private final Map<LocalDate, Visits> recordedDays = new HashMap<>();

    public record Visits(int families, int adults, int children) {
    }

    protected OpenPlace() {
        // for Axon
    }

    @CommandHandler
    public OpenPlace(RegisterOpenPlace c, RegisteredAgencies agencies) {
        if (!agencies.isRegistered(c.agencyId())) {
            throw new RuleViolationException("agency " + c.agencyId() + " is not a registered agency");
        }
        apply(new OpenPlaceRegistered(c.placeId(), c.agencyId(), c.name(), c.municipality(), c.address(),
                c.openingHours(), c.requestedBy(), c.requestedAt()));
    }

    @CommandHandler
    public void handle(RecordVisits c) {
        requireRunBy(c.actingAgencyId());
        if (recordedDays.containsKey(c.date())) {
            throw new IllegalTransitionException("the visits of " + c.date() + " are recorded already; PUT corrects them");
        }
        requirePlausible(c.date(), c.families(), c.adults(), c.children(), c.requestedAt());
        apply(new OpenPlaceVisitsRecorded(c.placeId(), c.date(), c.families(), c.adults(), c.children(),
                c.requestedBy(), c.requestedAt()));
    }

    @CommandHandler
    public void handle(CorrectVisits c) {
        requireRunBy(c.actingAgencyId());
        if (!recordedDays.containsKey(c.date())) {
            throw new UnknownException("no visits recorded on " + c.date());
        }
        requirePlausible(c.date(), c.families(), c.adults(), c.children(), c.requestedAt());
        apply(new OpenPlaceVisitsCorrected(c.placeId(), c.date(), c.families(), c.adults(), c.children(),
                c.requestedBy(), c.requestedAt()));
    }

    private void requireRunBy(UUID actingAgencyId) {
        if (agencyId == null) {
            throw new UnknownException("no such open place");
        }
        // The registry is public (the families' service finder lists it): not-yours tells nothing new.
        if (!agencyId.equals(actingAgencyId)) {
            throw new NotPartyException("only the place's agency records its visits");
        }
    }

    private static void requirePlausible(LocalDate date, int families, int adults, int children, Instant now) {
        if (families < 0 || adults < 0 || children < 0) {
            throw new RuleViolationException("visit counts are not negative");
        }
        if (families > adults + children) {
            throw new RuleViolationException("families cannot outnumber the people who came");
        }
        // A day ahead of UTC: the place's local day may have begun.
        if (date.isAfter(now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1))) {
            throw new RuleViolationException("visits are recorded for days that have come");
        }
    }

    @EventSourcingHandler
    void on(OpenPlaceRegistered e) {
        placeId = e.placeId();
        agencyId = e.agencyId();
    }

    @EventSourcingHandler
    void on(OpenPlaceVisitsRecorded e) {
        placeId = e.placeId();
        recordedDays.put(e.date(), new Visits(e.families(), e.adults(), e.children()));
    }

    @EventSourcingHandler
    void on(OpenPlaceVisitsCorrected e) {
        recordedDays.put(e.date(), new Visits(e.families(), e.adults(), e.children()));
    }

    /** The day's counts as they stand, if recorded. */
    public Optional<Visits> visitsOn(LocalDate date) {
        return Optional.ofNullable(recordedDays.get(date));
    }
}
