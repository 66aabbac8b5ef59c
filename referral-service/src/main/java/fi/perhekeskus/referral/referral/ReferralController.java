package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals")
@Validated
@PreAuthorize("hasRole('WORKER')")
public class ReferralController {

    /** A referral made: its id and status (REQUESTED). */
    public record ReferralMade(UUID id, ReferralStatus status) {
    }

    /** The redirected referral and the new one that carries the family on. */
    public record ReferralRedirected(UUID id, ReferralStatus status, UUID redirectedTo) {
    }

    /** A recorded hand-over meeting of a referral. */
    public record HandoverMeetingRecorded(UUID id, UUID referralId, ReferralStatus status) {
    }

    private final CommandGateway commands;
    private final FamilySealer sealer;
    private final IdempotentCreation idempotency;
    private final ReferralReader reader;
    private final ReferralStates states;
    private final ReferralSla sla;
    private final Clock clock;

    public ReferralController(CommandGateway commands, FamilySealer sealer, IdempotentCreation idempotency,
                              ReferralReader reader, ReferralStates states, ReferralSla sla, Clock clock) {
        this.commands = commands;
        this.sealer = sealer;
        this.idempotency = idempotency;
        this.reader = reader;
        this.states = states;
        this.sla = sla;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Refer a family to a service of another agency (sender). The same Idempotency-Key from "
            + "the same agency answers with the referral it made and creates nothing new; with another body it is 422.")
    public ResponseEntity<ReferralMade> make(
            @Valid @RequestBody ReferralRequests.Make request, Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID agency = caller.agencyId();
        IdempotentCreation.Outcome<ReferralStatus> outcome = idempotency.create("POST /api/v1/referrals", caller, key,
                request, UUID::randomUUID, idempotency.newAggregate(id -> {
                    Instant now = clock.instant();
                    commands.sendAndWait(new MakeReferral(id, request.familyId(), request.serviceId(), agency,
                            request.needLevel(), request.priority(), sealer.seal(request.familyId(), request.reason()),
                            request.consentId(), sealedOrNull(request.familyId(), request.legalBasis()), null,
                            sla.receiveBy(request.priority(), now), sla.decideBy(request.priority(), now),
                            caller.workerId(), now, request.memberIds()));
                    return ReferralStatus.REQUESTED;
                }, id -> states.find(id, "referral-replay").orElseThrow().status()));
        return outcome.created("/api/v1/referrals/" + outcome.id()).body(new ReferralMade(outcome.id(), outcome.body()));
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
    @Operation(summary = "The receiver forwards the family to a better service (from RECEIVED, ACCEPTED, IN_PROGRESS "
            + "or ON_HOLD); answers with redirectedTo. The new referral keeps the original sender and this one's priority")
    public ReferralRedirected redirect(@PathVariable UUID id, @Valid @RequestBody ReferralRequests.Redirect request,
                                        Caller caller) {
        UUID familyId = familyOf(id, caller);
        UUID newReferral = UUID.randomUUID();
        Instant now = clock.instant();
        ReferralState state = commands.sendAndWait(new RedirectReferral(id, caller.agencyId(), newReferral,
                request.serviceId(), request.note() == null ? null : sealer.seal(familyId, request.note()),
                caller.workerId(), now));
        return new ReferralRedirected(state.id(), state.status(), state.redirectedTo());
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

    @PostMapping("/{id}/hold")
    @Operation(summary = "The receiver pauses an ACCEPTED or IN_PROGRESS referral, with a reason for the sender. "
            + "Every service-level deadline still scheduled is cancelled: none fires while it is held")
    public ReferralStateResponse hold(@PathVariable UUID id, @Valid @RequestBody ReferralRequests.Hold request,
                                      Caller caller) {
        UUID familyId = familyOf(id, caller);
        return answer(commands.sendAndWait(new HoldReferral(id, caller.agencyId(), sealer.seal(familyId, request.reason()),
                caller.workerId(), clock.instant())));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "The receiver resumes a held referral: it is back in the state it was held in. No "
            + "service level is rescheduled: both end with the acceptance, before any hold")
    public ReferralStateResponse resume(@PathVariable UUID id, Caller caller) {
        return answer(commands.sendAndWait(new ResumeReferral(id, caller.agencyId(), caller.workerId(), clock.instant())));
    }

    @PostMapping("/{id}/handover-meeting")
    @Operation(summary = "The sender or the receiver records the warm hand-over meeting (family, sender and receiver "
            + "together) of an open referral; its history shows HANDOVER_MEETING. The same Idempotency-Key answers "
            + "with the meeting it recorded; with another body it is 422")
    public ResponseEntity<HandoverMeetingRecorded> handoverMeeting(
            @PathVariable UUID id, @Valid @RequestBody ReferralRequests.HandoverMeeting request, Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID familyId = familyOf(id, caller);
        IdempotentCreation.Outcome<ReferralStatus> outcome = idempotency.create(
                "POST /api/v1/referrals/" + id + "/handover-meeting", caller, key, request, UUID::randomUUID,
                new IdempotentCreation.Resource<>() {
                    @Override
                    public boolean exists(UUID meetingId) {
                        return states.hasHandoverMeeting(id, meetingId);
                    }

                    @Override
                    public ReferralStatus create(UUID meetingId) {
                        return commands.<ReferralState>sendAndWait(new RecordHandoverMeeting(id, caller.agencyId(),
                                meetingId, request.heldOn(), request.familyPresent(),
                                sealedOrNull(familyId, request.note()), caller.workerId(), clock.instant())).status();
                    }

                    @Override
                    public ReferralStatus replay(UUID meetingId) {
                        return states.find(id, "referral-replay").orElseThrow().status();
                    }
                });
        return outcome.created("/api/v1/referrals/" + id).body(new HandoverMeetingRecorded(outcome.id(), id, outcome.body()));
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
    public List<ReferralResponse> list(@RequestParam ReferralProjection.Direction direction,
                                       @RequestParam(required = false) ReferralStatus status,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_MAX) int limit,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.OFFSET_MAX) int offset,
                                       Caller caller) {
        return reader.list(caller, direction, status, limit, offset);
    }

    /** The family of a referral, whose key seals the mover's free text; unknown to agencies that are no party. */
    private UUID familyOf(UUID referralId, Caller caller) {
        ReferralState state = states.find(referralId, "referral-family")
                .orElseThrow(() -> new UnknownException("no such referral"));
        if (!caller.agencyId().equals(state.senderAgencyId()) && !caller.agencyId().equals(state.receiverAgencyId())) {
            throw new UnknownException("no such referral");
        }
        return state.familyId();
    }

    private ReferralStateResponse answer(ReferralState state) {
        return ReferralStateResponse.of(state, sealer);
    }

    /** A free text sealed with the family's key; blank counts as not given. */
    private Sealed sealedOrNull(UUID familyId, String value) {
        return value == null || value.isBlank() ? null : sealer.seal(familyId, value);
    }
}
