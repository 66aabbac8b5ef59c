package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.infra.web.ResourceId;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.web.InvalidFieldException;
import fi.perhekeskus.infra.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Service directory")
@Validated
public class ServiceController {

    private final CommandGateway commands;
    private final ServiceMapper mapper;
    private final DirectoryProjection directory;
    private final IdempotentCreation idempotency;
    private final Clock clock;

    public ServiceController(CommandGateway commands, ServiceMapper mapper, DirectoryProjection directory,
                             IdempotentCreation idempotency, Clock clock) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "List a service of an agency in the directory (COORDINATOR)")
    public ResponseEntity<ResourceId> list(@Valid @RequestBody ServiceRequest request, Caller caller,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (request.agencyId() == null) {
            throw new InvalidFieldException("agencyId", "must not be null");
        }
        IdempotentCreation.Outcome<UUID> outcome = idempotency.create("POST /api/v1/services", caller, key, request,
                UUID::randomUUID, idempotency.newAggregate(id -> {
                    commands.sendAndWait(mapper.toListCommand(request, id, caller.workerId(), clock.instant()));
                    return id;
                }, id -> id));
        return outcome.created("/api/v1/services/" + outcome.id()).body(new ResourceId(outcome.id()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Update a listed service; the whole description is replaced (COORDINATOR)")
    public ResourceId update(@PathVariable UUID id, @Valid @RequestBody ServiceRequest request, Caller caller) {
        commands.sendAndWait(mapper.toUpdateCommand(request, id, caller.workerId(), clock.instant()));
        return new ResourceId(id);
    }

    @PutMapping("/{id}/capacity")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "Set whether a service takes families now (WORKER of its agency, COORDINATOR); "
            + "a GROUP service's capacity is kept by the platform (409)")
    public ServiceSummary capacity(@PathVariable UUID id, @Valid @RequestBody CapacityRequest request, Caller caller) {
        commands.sendAndWait(new ChangeServiceCapacity(id, request.status(), request.waitWeeks(),
                caller.agency().orElse(null), caller.has(Role.COORDINATOR), caller.workerId(), clock.instant()));
        return directory.service(id).orElseThrow(() -> new UnknownException("service " + id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Withdraw a service from the directory, with a reason (COORDINATOR)")
    public ResponseEntity<Void> withdraw(@PathVariable UUID id, @Valid @RequestBody WithdrawServiceRequest request,
                                         Caller caller) {
        commands.sendAndWait(new WithdrawService(id, request.reason(), caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "Search the directory by need level, municipality, child's age, language, kind and text")
    public List<ServiceSummary> search(@RequestParam(required = false) NeedLevel needLevel,
                                    @RequestParam(required = false) @Size(max = Limits.NAME) String municipality,
                                    @RequestParam(required = false) @Min(0) @Max(216) Integer ageMonths,
                                    @RequestParam(required = false) @Size(max = Limits.LANGUAGE_TAG) String language,
                                    @RequestParam(required = false) ServiceKind kind,
                                    @RequestParam(required = false) CapacityStatus capacity,
                                    @RequestParam(required = false) @Size(max = Limits.QUERY_TEXT) String q,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_MAX) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.OFFSET_MAX) int offset) {
        return directory.search(new ServiceSearch(needLevel, municipality, ageMonths, language, kind, capacity, q,
                limit, offset));
    }
}
