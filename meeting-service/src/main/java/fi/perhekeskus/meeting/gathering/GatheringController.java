package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Network meetings and open places")
@PreAuthorize("hasRole('WORKER')")
public class GatheringController {

    public record NetworkMeetingRequest(@NotNull UUID familyId, @NotEmpty List<@NotNull UUID> agencyIds,
                                        @NotNull LocalDate heldOn,
                                        @NotNull List<@Pattern(regexp = "^[A-Z_]{2,40}$") String> needsAssessed,
                                        @NotNull List<@Valid @NotNull Action> agreedActions) {
    }

    public record Action(@NotNull UUID agencyId, @NotBlank @Size(max = 2000) String action, @NotNull LocalDate due) {
    }

    public record VisitsRequest(@NotNull LocalDate date, @NotNull @Min(0) @Max(10_000) Integer families,
                                @NotNull @Min(0) @Max(10_000) Integer adults,
                                @NotNull @Min(0) @Max(10_000) Integer children) {
    }

    private final CommandGateway commands;
    private final FamilySealer sealer;
    private final Clock clock;

    public GatheringController(CommandGateway commands, FamilySealer sealer, Clock clock) {
        this.commands = commands;
        this.sealer = sealer;
        this.clock = clock;
    }

    @PostMapping("/network-meetings")
    @Operation(summary = "Record a multi-agency meeting with a family; action texts are sealed with the family's key")
    public ResponseEntity<Map<String, UUID>> networkMeeting(@Valid @RequestBody NetworkMeetingRequest request,
                                                            Caller caller) {
        UUID id = UUID.randomUUID();
        List<NetworkMeetingHeld.AgreedAction> actions = request.agreedActions().stream()
                .map(a -> new NetworkMeetingHeld.AgreedAction(a.agencyId(), sealer.seal(request.familyId(), a.action()),
                        a.due()))
                .toList();
        commands.sendAndWait(new NetworkMeeting.RecordNetworkMeeting(id, request.familyId(), request.agencyIds(),
                request.heldOn(), request.needsAssessed(), actions, caller.agencyId(), caller.workerId(),
                clock.instant()));
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    @PostMapping("/open-places/{placeId}/visits")
    @Operation(summary = "Record a day's anonymous visit counts of an open meeting place")
    public ResponseEntity<Map<String, Object>> visits(@PathVariable UUID placeId,
                                                      @Valid @RequestBody VisitsRequest request, Caller caller) {
        commands.sendAndWait(new OpenPlace.RecordVisits(placeId, request.date(), request.families(), request.adults(),
                request.children(), caller.workerId(), clock.instant()));
        return ResponseEntity.status(201).body(Map.of("placeId", placeId, "date", request.date()));
    }
}
