package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.infra.web.ResourceId;
import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/open-places")
@Tag(name = "Network meetings and open places")
public class OpenPlaceController {

    /** A day's visit counts of a place. */
    public record Visits(UUID placeId, java.time.LocalDate date, int families, int adults, int children) {
    }

    private final CommandGateway commands;
    private final Clock clock;

    private final IdempotentCreation idempotency;

    private final OpenPlaceVisits visits;

    public OpenPlaceController(CommandGateway commands, IdempotentCreation idempotency, OpenPlaceVisits visits,
                               Clock clock) {
        this.commands = commands;
        this.visits = visits;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Register an open meeting place run by a registered agency (COORDINATOR)")
    public ResponseEntity<ResourceId> register(@Valid @RequestBody GatheringRequests.OpenPlaceRequest request,
                                                      Caller caller,
                                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentCreation.Outcome<UUID> outcome = idempotency.create("POST /api/v1/open-places", caller, key, request,
                UUID::randomUUID, idempotency.newAggregate(id -> {
                    commands.sendAndWait(new RegisterOpenPlace(id, request.name(), request.agencyId(),
                            request.municipality(), request.address(), request.openingHours(), caller.workerId(),
                            clock.instant()));
                    return id;
                }, id -> id));
        return outcome.created("/api/v1/open-places/" + outcome.id()).body(new ResourceId(outcome.id()));
    }

    @PostMapping("/{placeId}/visits")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Record a day's anonymous visit counts of a registered place (WORKER of the place's "
            + "agency); one record per date, a second is 409")
    public ResponseEntity<Visits> record(@PathVariable UUID placeId,
                                                      @Valid @RequestBody GatheringRequests.VisitsRequest request,
                                                      Caller caller,
                                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        // One record per place and day: the key stands for that day's record.
        UUID day = UUID.nameUUIDFromBytes((placeId + "/" + request.date()).getBytes(StandardCharsets.UTF_8));
        IdempotentCreation.Outcome<Visits> outcome = idempotency.create(
                "POST /api/v1/open-places/" + placeId + "/visits", caller, key, request, () -> day,
                new IdempotentCreation.Resource<>() {
                    @Override
                    public boolean exists(UUID id) {
                        return visits.recorded(placeId, request.date()).isPresent();
                    }

                    @Override
                    public Visits create(UUID id) {
                        commands.sendAndWait(new RecordVisits(placeId, request.date(), request.families(),
                                request.adults(), request.children(), caller.agencyId(), caller.workerId(),
                                clock.instant()));
                        return visits(placeId, request);
                    }

                    @Override
                    public Visits replay(UUID id) {
                        OpenPlace.Visits now = visits.recorded(placeId, request.date()).orElseThrow();
                        return new Visits(placeId, request.date(), now.families(), now.adults(), now.children());
                    }
                });
        return outcome.status(ResponseEntity.status(201)).body(outcome.body());
    }

    @PutMapping("/{placeId}/visits")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Correct the recorded visit counts of a date (WORKER of the place's agency)")
    public Visits correct(@PathVariable UUID placeId,
                                       @Valid @RequestBody GatheringRequests.VisitsRequest request, Caller caller) {
        commands.sendAndWait(new CorrectVisits(placeId, request.date(), request.families(),
                request.adults(), request.children(), caller.agencyId(), caller.workerId(), clock.instant()));
        return visits(placeId, request);
    }

    private static Visits visits(UUID placeId, GatheringRequests.VisitsRequest request) {
        return new Visits(placeId, request.date(), request.families(), request.adults(), request.children());
    }
}
