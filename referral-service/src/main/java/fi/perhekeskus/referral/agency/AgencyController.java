package fi.perhekeskus.referral.agency;

import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agencies")
public class AgencyController {

    private final CommandGateway commands;
    private final AgencyMapper mapper;
    private final Clock clock;

    public AgencyController(CommandGateway commands, AgencyMapper mapper, Clock clock) {
        this.commands = commands;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Register an agency of the network (COORDINATOR)")
    public ResponseEntity<Map<String, UUID>> register(@Valid @RequestBody RegisterAgencyRequest request, Caller caller) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(mapper.toCommand(request, id, caller.workerId(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + id)).body(Map.of("id", id));
    }
}
