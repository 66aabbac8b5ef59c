package fi.perhekeskus.referral.family;

import fi.perhekeskus.infra.web.ResourceId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.web.InvalidFieldException;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.referral.privacy.AccessLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import fi.perhekeskus.referral.WriteModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/families")
@Tag(name = "Families and consent")
@Validated
public class FamilyController {

    /** A member added to a family. */
    public record MemberAdded(UUID memberId) {
    }

    /** The family's responsible worker; changed is false when it was already this worker. */
    public record ResponsibleWorkerAssigned(UUID familyId, UUID agencyId, String workerId, boolean changed) {
    }

    private static final Logger log = LoggerFactory.getLogger(FamilyController.class);

    private final CommandGateway commands;
    private final FamilySealer sealer;
    private final FamilyReader reader;
    private final AccessLog accessLog;
    private final ObjectMapper json;
    private final IdempotentCreation idempotency;
    private final FamilyConsents consents;
    private final FamilyAccess access;
    private final Clock clock;

    public FamilyController(CommandGateway commands, FamilySealer sealer, FamilyReader reader, AccessLog accessLog,
                            ObjectMapper json, IdempotentCreation idempotency, FamilyConsents consents,
                            FamilyAccess access, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.idempotency = idempotency;
        this.consents = consents;
        this.sealer = sealer;
        this.reader = reader;
        this.accessLog = accessLog;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Register a family; members' personal data is sealed with the family's own key (WORKER)")
    public ResponseEntity<ResourceId> register(@Valid @RequestBody FamilyRequest request, Caller caller,
                                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentCreation.Outcome<UUID> outcome = idempotency.create("POST /api/v1/families", caller, key, request,
                UUID::randomUUID, idempotency.newAggregate(familyId -> {
                    List<FamilyRegistered.Member> members = request.members().stream()
                            .map(m -> new FamilyRegistered.Member(UUID.randomUUID(), m.role(),
                                    sealer.seal(familyId, toJson(new PersonalData(m.givenName(), m.familyName(),
                                            m.birthDate(), m.personalIdentityCode()))), monthOf(m.birthDate())))
                            .toList();
                    Instant now = clock.instant();
                    commands.sendAndWait(new RegisterFamily(familyId, caller.agencyId(), request.municipality(),
                            request.languages(), members, caller.workerId(), now));
                    if (request.contact() != null) {
                        commands.sendAndWait(new ChangeFamilyDetails(familyId, null, null, sealedContact(familyId,
                                request.contact()), caller.agencyId(), caller.workerId(), now));
                    }
                    // Ids only: names never reach the logs.
                    log.info("Family {} registered by agency {}", familyId, caller.agencyId());
                    return familyId;
                }, familyId -> familyId));
        return outcome.created("/api/v1/families/" + outcome.id()).body(new ResourceId(outcome.id()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "The family with its personal data, for the registering agency or one it consented to; audited")
    public FamilyResponse read(@PathVariable UUID id, Caller caller,
                               @RequestParam(defaultValue = "family record") @Size(max = Limits.NAME) String purpose) {
        return reader.read(id, caller, purpose);
    }

    /** A new member (a new baby); sealed like the members registered with the family. */
    @PostMapping("/{id}/members")
    @PreAuthorize("hasRole('WORKER')")
    public ResponseEntity<MemberAdded> addMember(@PathVariable UUID id,
                                                       @Valid @RequestBody FamilyRequest.MemberRequest request,
                                                       Caller caller,
                                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        SharingBasis basis = requireAccess(id, caller);
        IdempotentCreation.Outcome<UUID> outcome = idempotency.create("POST /api/v1/families/" + id + "/members",
                caller, key, request, UUID::randomUUID, new IdempotentCreation.Resource<>() {
                    @Override
                    public boolean exists(UUID memberId) {
                        return WriteModel.read("member-exists", () -> consents.memberIds(id).contains(memberId));
                    }

                    @Override
                    public UUID create(UUID memberId) {
                        Sealed data = sealer.seal(id, toJson(new PersonalData(request.givenName(), request.familyName(),
                                request.birthDate(), request.personalIdentityCode())));
                        commands.sendAndWait(new AddFamilyMember(id, memberId, request.role(), data, caller.agencyId(),
                                caller.workerId(), clock.instant(), monthOf(request.birthDate())));
                        accessLog.usage(id, caller.workerId(), caller.agencyId(), "added member " + memberId,
                                basis.describe(), AccessLog.Outcome.ALLOWED, clock.instant());
                        return memberId;
                    }

                    @Override
                    public UUID replay(UUID memberId) {
                        return memberId;
                    }
                });
        return outcome.created("/api/v1/families/" + id).body(new MemberAdded(outcome.id()));
    }

    /** Municipality, languages and contact details; an absent field is left as it is. */
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('WORKER')")
    public FamilyDetails change(@PathVariable UUID id, @Valid @RequestBody FamilyChangeRequest request, Caller caller) {
        if (request.changesNothing()) {
            throw new InvalidFieldException("municipality", "give at least one of municipality, languages, contact");
        }
        SharingBasis basis = requireAccess(id, caller);
        Sealed contact = request.contact() == null ? null : sealedContact(id, request.contact());
        FamilyDetails details = commands.sendAndWait(new ChangeFamilyDetails(id, request.municipality() == null ? null
                : request.municipality().strip(), request.languages(), contact, caller.agencyId(), caller.workerId(),
                clock.instant()));
        accessLog.usage(id, caller.workerId(), caller.agencyId(), "changed family details", basis.describe(),
                AccessLog.Outcome.ALLOWED, clock.instant());
        return details;
    }

    /**
     * The family's own worker across services (oma työntekijä); the previous one is kept in the
     * family's history with the dates of their time. The worker id is sealed with the family's key.
     */
    @PutMapping("/{id}/responsible-worker")
    @PreAuthorize("hasRole('WORKER')")
    public ResponsibleWorkerAssigned assignResponsibleWorker(@PathVariable UUID id,
                                                       @Valid @RequestBody ResponsibleWorkerRequest request,
                                                       Caller caller) {
        SharingBasis basis = requireAccess(id, caller);
        boolean changed = commands.sendAndWait(new AssignResponsibleWorker(id, request.agencyId(),
                sealer.seal(id, request.workerId().strip()), caller.agencyId(), caller.workerId(), clock.instant()));
        if (changed) {
            accessLog.usage(id, caller.workerId(), caller.agencyId(), "assigned responsible worker of agency "
                    + request.agencyId(), basis.describe(), AccessLog.Outcome.ALLOWED, clock.instant());
        }
        return new ResponsibleWorkerAssigned(id, request.agencyId(), request.workerId().strip(), changed);
    }

    @PostMapping("/{id}/consents")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Record the family's consent to share its data with named agencies for a purpose (WORKER)")
    public ResponseEntity<ResourceId> consent(@PathVariable UUID id, @Valid @RequestBody ConsentRequest request,
                                                     Caller caller,
                                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentCreation.Outcome<UUID> outcome = idempotency.create("POST /api/v1/families/" + id + "/consents",
                caller, key, request, UUID::randomUUID, new IdempotentCreation.Resource<>() {
                    @Override
                    public boolean exists(UUID consentId) {
                        return WriteModel.read("consent-exists", () -> consents.hasConsent(id, consentId));
                    }

                    @Override
                    public UUID create(UUID consentId) {
                        commands.sendAndWait(new GiveConsent(id, consentId, request.agencyIds(),
                                sealer.seal(id, request.purpose()), sealer.seal(id, request.givenBy()),
                                request.validUntil(), caller.agencyId(), caller.workerId(), clock.instant()));
                        return consentId;
                    }

                    @Override
                    public UUID replay(UUID consentId) {
                        return consentId;
                    }
                });
        return outcome.created("/api/v1/families/" + id + "/consents/" + outcome.id()).body(new ResourceId(outcome.id()));
    }

    @DeleteMapping("/{id}/consents/{consentId}")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Withdraw a consent; it stops all further sharing at once (WORKER)")
    public ResponseEntity<Void> withdraw(@PathVariable UUID id, @PathVariable UUID consentId, Caller caller) {
        commands.sendAndWait(new WithdrawConsent(id, consentId, caller.agencyId(), caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Erase the family's personal data everywhere by destroying its key (COORDINATOR)")
    public ResponseEntity<Void> erase(@PathVariable UUID id, Caller caller) {
        commands.sendAndWait(new EraseFamily(id, caller.workerId(), clock.instant()));
        // After the event is stored: a failure here is retried by repeating the (idempotent) request.
        sealer.erase(id);
        accessLog.erasure(id, caller.workerId(), clock.instant());
        log.info("Family {} erased by {}", id, caller.workerId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/access-log")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Who used the family's data and to whom it was disclosed, on what basis (COORDINATOR)")
    public List<AccessLog.Entry> accessLog(@PathVariable UUID id,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_MAX) int limit,
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.OFFSET_MAX) int offset) {
        return accessLog.of(id, limit, offset);
    }

    /**
     * Before anything is sealed (which would give an unknown id a key): an agency without a basis —
     * the family unknown, erased, or not sharing with it — is answered as if the family did not exist.
     */
    private SharingBasis requireAccess(UUID familyId, Caller caller) {
        return caller.agency().flatMap(agency -> access.basisFor(familyId, agency))
                .orElseThrow(() -> new UnknownException("no such family"));
    }

    private Sealed sealedContact(UUID familyId, FamilyChangeRequest.ContactRequest contact) {
        return sealer.seal(familyId, toJson(new Contact(blankToNull(contact.email()), blankToNull(contact.phone()))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static YearMonth monthOf(LocalDate birthDate) {
        return birthDate == null ? null : YearMonth.from(birthDate);
    }
}
