package fi.perhekeskus.meeting.gathering;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A day's visit counts as the place's own events have them (not a view: never behind). */
@Component
public class OpenPlaceVisits {

    private final Repository<OpenPlace> places;

    public OpenPlaceVisits(@Lazy Repository<OpenPlace> places) {
        this.places = places;
    }

    /** The counts recorded for {@code date}; empty when none are, or there is no such place. */
    public Optional<OpenPlace.Visits> recorded(UUID placeId, LocalDate date) {
        // Aggregates load only inside a unit of work.
        ResultMessage<Optional<OpenPlace.Visits>> result = DefaultUnitOfWork
                .startAndGet(GenericCommandMessage.asCommandMessage("open-place-visits"))
                .executeWithResult(() -> {
                    try {
                        return places.load(placeId.toString()).invoke(place -> place.visitsOn(date));
                    } catch (AggregateNotFoundException unknown) {
                        return Optional.<OpenPlace.Visits>empty();
                    }
                });
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }
}
