package fi.perhekeskus.referral.agency;

import fi.perhekeskus.infra.web.ResourceId;
import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agencies")
public class AgencyController {

    private final CommandGateway commands;
    private final AgencyMapper mapper;
    private final IdempotentCreation idempotency;
    private final Clock clock;

    public AgencyController(CommandGateway commands, AgencyMapper mapper, IdempotentCreation idempotency, Clock clock) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Register an agency of the network (COORDINATOR)")
    public ResponseEntity<ResourceId> register(@Valid @RequestBody RegisterAgencyRequest request, Caller caller,
                                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentCreation.Outcome<UUID> outcome = idempotency.create("POST /api/v1/agencies", caller, key, request,
                UUID::randomUUID, idempotency.newAggregate(id -> {
                    commands.sendAndWait(mapper.toCommand(request, id, caller.workerId(), clock.instant()));
                    return id;
                }, id -> id));
        return outcome.created("/api/v1/agencies/" + outcome.id()).body(new ResourceId(outcome.id()));
    }
}
