package fi.perhekeskus.meeting.plan;

import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.UUID;

/** The year's plan of a group service, which the scorecard sets what was scheduled and held against. */
@RestController
@RequestMapping("/api/v1/programme-plans")
@Tag(name = "Group programmes")
public class ProgrammePlanController {

    private final CommandGateway commands;
    private final IdempotentCreation idempotency;
    private final Clock clock;

    public ProgrammePlanController(CommandGateway commands, IdempotentCreation idempotency, Clock clock) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Bounds are checked by the aggregate (422), so that a plan's rules live in one place. */
    public record PlanRequest(@NotNull UUID serviceId, @NotNull Integer year, @NotNull Integer plannedSeries,
                              @NotNull Integer plannedFamiliesPerSeries) {
    }

    public record PlanCreated(UUID id, UUID serviceId, int year) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Plan a group service's year: series and families per series (COORDINATOR); one plan "
            + "per service and year, a second is 409")
    public ResponseEntity<PlanCreated> plan(@Valid @RequestBody PlanRequest request, Caller caller,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID planId = PlanProgrammes.idOf(request.serviceId(), request.year());
        IdempotentCreation.Outcome<PlanCreated> outcome = idempotency.create("POST /api/v1/programme-plans", caller, key,
                request, () -> planId, idempotency.newAggregate(id -> {
                    commands.sendAndWait(new PlanProgrammes(id, request.serviceId(), request.year(),
                            request.plannedSeries(), request.plannedFamiliesPerSeries(), caller.workerId(),
                            clock.instant()));
                    return new PlanCreated(id, request.serviceId(), request.year());
                }, id -> new PlanCreated(id, request.serviceId(), request.year())));
        return outcome.created("/api/v1/programme-plans/" + outcome.id()).body(outcome.body());
    }
}
