package fi.perhekeskus.meeting.gathering;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import fi.perhekeskus.infra.web.Limits;
import com.fasterxml.jackson.annotation.JsonInclude;
import fi.perhekeskus.infra.web.ResourceId;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/network-meetings")
@Tag(name = "Network meetings and open places")
@PreAuthorize("hasRole('WORKER')")
public class NetworkMeetingController {

    /** A network meeting as its agencies see it; legalBasis only when it was recorded on one. */
    public record NetworkMeetingDetail(UUID id, UUID familyId, List<String> agencyIds, String heldOn,
                                 List<String> needsAssessed, List<AgreedAction> agreedActions,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String legalBasis,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<String> agenciesByLegalBasis,
                                 String recordedBy, java.time.Instant recordedAt) {
    }

    /** An action agreed in the meeting, by an agency, due on a date. */
    public record AgreedAction(String agencyId, String action, String due) {
    }

    private final CommandGateway commands;
    private final NetworkMeetingProjection view;
    private final FamilySealer sealer;
    private final Clock clock;

    private final IdempotentCreation idempotency;

    public NetworkMeetingController(CommandGateway commands, IdempotentCreation idempotency, NetworkMeetingProjection view,
                                    FamilySealer sealer, Clock clock) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.view = view;
        this.sealer = sealer;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Record a multi-agency meeting with a family (WORKER of a listed agency); the family's "
            + "consent, or a legalBasis, covers every agency listed; texts are sealed with the family's key")
    public ResponseEntity<ResourceId> record(@Valid @RequestBody GatheringRequests.NetworkMeetingRequest request,
                                                    Caller caller,
                                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        List<PlannedAction> actions = request.agreedActions().stream()
                .map(a -> new PlannedAction(a.agencyId(), a.action(), a.due()))
                .toList();
        IdempotentCreation.Outcome<UUID> outcome = idempotency.create("POST /api/v1/network-meetings", caller, key,
                request, UUID::randomUUID, idempotency.newAggregate(id -> {
                    commands.sendAndWait(new RecordNetworkMeeting(id, request.familyId(),
                            request.agencyIds(), request.heldOn(), request.needsAssessed(), actions, request.legalBasis(),
                            caller.agencyId(), caller.workerId(), clock.instant()));
                    return id;
                }, id -> id));
        return outcome.created("/api/v1/network-meetings/" + outcome.id()).body(new ResourceId(outcome.id()));
    }

    /** Shown to the meeting's agencies only; anyone else is told it does not exist. */
    @GetMapping("/{id}")
    @Operation(summary = "The meeting with its agreed actions, opened with the family's key (its agencies only); "
            + "'[erased]' once the family is erased. Shown a moment after it was recorded")
    public NetworkMeetingDetail meeting(@PathVariable UUID id, Caller caller) {
        Document d = view.meeting(id).orElseThrow(() -> new UnknownException("no such network meeting"));
        List<String> agencies = d.getList("agencyIds", String.class);
        if (!agencies.contains(caller.agencyId().toString())) {
            throw new UnknownException("no such network meeting");
        }
        UUID family = UUID.fromString(d.getString("familyId"));
        boolean legalBasis = d.getString("legalBasis") != null;
        return new NetworkMeetingDetail(id, family, agencies, d.getString("heldOn"),
                d.getList("needsAssessed", String.class),
                d.getList("agreedActions", Document.class).stream().map(a -> new AgreedAction(a.getString("agencyId"),
                        open(family, a.getString("action")), a.getString("due"))).toList(),
                legalBasis ? open(family, d.getString("legalBasis")) : null,
                legalBasis ? d.getList("agenciesByLegalBasis", String.class) : null,
                d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
    }

    /**
     * The actions network meetings agreed for the caller's own agency, soonest due first: all of them,
     * or with {@code overdue=true} those whose due date has passed. Another agency's list is refused.
     */
    @GetMapping("/actions")
    @Operation(summary = "Agreed actions of network meetings for the caller's agency, due and overdue (WORKER of "
            + "that agency)")
    public List<AgreedActionSummary> actions(@RequestParam UUID agencyId,
                                             @RequestParam(defaultValue = "false") boolean overdue,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_MAX) int limit,
                                             @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.OFFSET_MAX) int offset,
                                             Caller caller) {
        if (!agencyId.equals(caller.agencyId())) {
            throw new NotPartyException("an agency's agreed actions are listed to its own workers");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<AgreedActionSummary> actions = new ArrayList<>();
        for (Document d : view.withActionsFor(agencyId)) {
            UUID family = UUID.fromString(d.getString("familyId"));
            for (Document a : d.getList("agreedActions", Document.class)) {
                LocalDate due = LocalDate.parse(a.getString("due"));
                if (!a.getString("agencyId").equals(agencyId.toString()) || overdue && !due.isBefore(today)) {
                    continue;
                }
                actions.add(new AgreedActionSummary(UUID.fromString(d.getString("_id")), family,
                        LocalDate.parse(d.getString("heldOn")), open(family, a.getString("action")), due,
                        due.isBefore(today)));
            }
        }
        actions.sort(Comparator.comparing(AgreedActionSummary::due).thenComparing(AgreedActionSummary::meetingId));
        return Limits.page(actions, limit, offset);
    }

    /** One agreed action; {@code action} is opened with the family's key ('[erased]' once erased). */
    public record AgreedActionSummary(UUID meetingId, UUID familyId, LocalDate heldOn, String action, LocalDate due,
                                      boolean overdue) {
    }

    private String open(UUID family, String ciphertext) {
        return sealer.open(family, Sealed.of(ciphertext)).orElse(FamilySealer.ERASED);
    }
}
