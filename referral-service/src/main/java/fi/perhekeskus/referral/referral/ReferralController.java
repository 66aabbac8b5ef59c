package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.referral.WriteModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals")
@Validated
@PreAuthorize("hasRole('WORKER')")
public class ReferralController {

    private final CommandGateway commands;
    private final FamilySealer sealer;
    private final IdempotentCreation idempotency;
    private final EventStore eventStore;
    private final ReferralReader reader;
    private final ReferralSla sla;
    private final Repository<Referral> referrals;
    private final Clock clock;

    public ReferralController(CommandGateway commands, FamilySealer sealer, IdempotentCreation idempotency,
                              EventStore eventStore, ReferralReader reader, ReferralSla sla,
                              @Lazy Repository<Referral> referrals, Clock clock) {
        this.commands = commands;
        this.sealer = sealer;
        this.idempotency = idempotency;
        this.eventStore = eventStore;
        this.reader = reader;
        this.sla = sla;
        this.referrals = referrals;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Refer a family to a service of another agency (sender). The same Idempotency-Key from "
            + "the same agency answers with the referral it made and creates nothing new; with another body it is 422.")
    public ResponseEntity<Map<String, Object>> make(
            @Valid @RequestBody ReferralRequests.Make request, Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID agency = caller.agencyId();
        IdempotentCreation.Outcome<ReferralStatus> outcome = idempotency.create("POST /api/v1/referrals", caller, key,
                request, UUID::randomUUID, IdempotentCreation.newAggregate(eventStore, id -> {
                    Instant now = clock.instant();
                    commands.sendAndWait(new MakeReferral(id, request.familyId(), request.serviceId(), agency,
                            request.needLevel(), request.priority(), sealer.seal(request.familyId(), request.reason()),
                            request.consentId(), sealedOrNull(request.familyId(), request.legalBasis()), null, sla.receiveBy(now),
                            sla.decideBy(now), caller.workerId(), now, request.memberIds()));
                    return ReferralStatus.REQUESTED;
                }, id -> WriteModel.read("referral-replay",
                        () -> referrals.load(id.toString()).invoke(Referral::state).status())));
        return outcome.created("/api/v1/referrals/" + outcome.id()).body(Map.of("id", outcome.id(), "status", outcome.body()));
    }

    @PostMapping("/{id}/receive")
    @Operation(summary = "The receiving agency acknowledges the referral")
    public ReferralStateResponse receive(@PathVariable UUID id, Caller caller) {
        return answer(commands.sendAndWait(new ReceiveReferral(id, caller.agencyId(), caller.workerId(), clock.instant())));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The receiver takes the family on and names its responsible worker")
    public ReferralStateResponse accept(@PathVariable UUID id,
                                        @Valid @RequestBody(required = false) ReferralRequests.Accept request,
                                        Caller caller) {
        ReferralRequests.Accept body = request == null ? new ReferralRequests.Accept(null, null) : request;
        // The worker's name is sealed with the family's key: it names a person and who works with the family.
        Sealed worker = body.responsibleWorker() == null || body.responsibleWorker().isBlank() ? null
                : sealer.seal(familyOf(id, caller), body.responsibleWorker());
        return answer(commands.sendAndWait(new AcceptReferral(id, caller.agencyId(), worker,
                body.firstContactOn(), caller.workerId(), clock.instant())));
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "The receiver declines, with a reason for the sender")
    public ReferralStateResponse decline(@PathVariable UUID id, @Valid @RequestBody ReferralRequests.Decline request,
                                         Caller caller) {
        UUID familyId = familyOf(id, caller);
        return answer(commands.sendAndWait(new DeclineReferral(id, caller.agencyId(),
                sealer.seal(familyId, request.reason()), caller.workerId(), clock.instant())));
    }

    @PostMapping("/{id}/redirect")
    @Operation(summary = "The receiver forwards the family to a better service; answers with redirectedTo")
    public Map<String, Object> redirect(@PathVariable UUID id, @Valid @RequestBody ReferralRequests.Redirect request,
                                        Caller caller) {
        UUID familyId = familyOf(id, caller);
        UUID newReferral = UUID.randomUUID();
        Instant now = clock.instant();
        ReferralState state = commands.sendAndWait(new RedirectReferral(id, caller.agencyId(), newReferral,
                request.serviceId(), request.note() == null ? null : sealer.seal(familyId, request.note()),
                sla.receiveBy(now), sla.decideBy(now), caller.workerId(), now));
        return Map.of("id", state.id(), "status", state.status(), "redirectedTo", state.redirectedTo());
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "The receiver starts working with the family")
    public ReferralStateResponse start(@PathVariable UUID id, Caller caller) {
        return answer(commands.sendAndWait(new StartReferral(id, caller.agencyId(), caller.workerId(), clock.instant())));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "The receiver completes the referral and reports the outcome back to the sender")
    public ReferralStateResponse complete(@PathVariable UUID id, @Valid @RequestBody ReferralRequests.Complete request,
                                          Caller caller) {
        UUID familyId = familyOf(id, caller);
        return answer(commands.sendAndWait(new CompleteReferral(id, caller.agencyId(), request.outcome(),
                request.note() == null ? null : sealer.seal(familyId, request.note()), caller.workerId(),
                clock.instant())));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "The sender cancels an open referral, with a reason")
    public ReferralStateResponse cancel(@PathVariable UUID id, @Valid @RequestBody ReferralRequests.Cancel request,
                                        Caller caller) {
        UUID familyId = familyOf(id, caller);
        return answer(commands.sendAndWait(new CancelReferral(id, caller.agencyId(),
                sealer.seal(familyId, request.reason()), caller.workerId(), clock.instant())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The referral with its full history, for its sender or receiver")
    public ReferralResponse detail(@PathVariable UUID id, Caller caller) {
        return reader.detail(id, caller);
    }

    @GetMapping
    @Operation(summary = "The agency's inbox (INCOMING) or outbox (OUTGOING), newest first")
    public List<ReferralResponse> list(@RequestParam ReferralView.Direction direction,
                                       @RequestParam(required = false) ReferralStatus status,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_MAX) int limit,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.OFFSET_MAX) int offset,
                                       Caller caller) {
        return reader.list(caller, direction, status, limit, offset);
    }

    /** The family of a referral, whose key seals the mover's free text; unknown to agencies that are no party. */
    private UUID familyOf(UUID referralId, Caller caller) {
        return WriteModel.read("referral-family", () -> {
            ReferralState state;
            try {
                state = referrals.load(referralId.toString()).invoke(Referral::state);
            } catch (AggregateNotFoundException e) {
                throw new UnknownException("no such referral");
            }
            if (!caller.agencyId().equals(state.senderAgencyId()) && !caller.agencyId().equals(state.receiverAgencyId())) {
                throw new UnknownException("no such referral");
            }
            return state.familyId();
        });
    }

    private ReferralStateResponse answer(ReferralState state) {
        return ReferralStateResponse.of(state, sealer);
    }

    /** A free text sealed with the family's key; blank counts as not given. */
    private Sealed sealedOrNull(UUID familyId, String value) {
        return value == null || value.isBlank() ? null : sealer.seal(familyId, value);
    }
}
