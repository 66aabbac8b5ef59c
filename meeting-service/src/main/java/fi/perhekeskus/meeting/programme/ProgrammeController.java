package fi.perhekeskus.meeting.programme;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import fi.perhekeskus.infra.idempotency.IdempotentCreation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Group programmes")
public class ProgrammeController {

    /** A programme planned: its id and its sessions' ids, in order. */
    public record ProgrammeScheduled(UUID id, List<UUID> sessionIds) {
    }

    /** Where an enrolment left the family: ENROLLED or WAITLISTED. */
    public record Enrolment(EnrolmentStatus status) {
    }

    /** A programme with its sessions and the families holding or waiting for a place. */
    public record ProgrammeDetail(UUID id, String name, String serviceId, List<String> agencyIds, String location,
                                  Integer capacityFamilies, Integer plannedFamilies, List<ProgrammeSession> sessions,
                                  List<Place> enrolled, List<Place> waitlisted, int feedbackCount) {
    }

    /** A session; the change fields once cancelled or rescheduled, the counts once held. */
    public record ProgrammeSession(String id, java.time.Instant startsAt, java.time.Instant endsAt, String topic,
                                   String status,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String changeReason,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String changeNote,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Integer families,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Integer familiesWithFather,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Integer children) {
    }

    /** A family's place (or place on the waitlist), how it came, and the referral that brought it. */
    public record Place(String familyId, String source,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String referralId) {
    }

    private final CommandGateway commands;
    private final IdempotentCreation idempotency;
    private final ProgrammeMapper mapper;
    private final ProgrammeProjection view;
    private final ProgrammeIndex index;
    private final ProgrammeNotes notes;
    private final Clock clock;

    public ProgrammeController(CommandGateway commands, IdempotentCreation idempotency, ProgrammeMapper mapper,
                               ProgrammeProjection view, ProgrammeIndex index, ProgrammeNotes notes, Clock clock) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.view = view;
        this.index = index;
        this.notes = notes;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Plan a group programme with its sessions (COORDINATOR)")
    public ResponseEntity<ProgrammeScheduled> schedule(@Valid @RequestBody ProgrammeRequests.Schedule request,
                                                        Caller caller,
                                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        IdempotentCreation.Outcome<List<UUID>> outcome = idempotency.create("POST /api/v1/programmes", caller, key,
                request, UUID::randomUUID, idempotency.newAggregate(id -> {
                    ScheduleProgramme command = mapper.toCommand(request, id, caller.workerId(),
                            clock.instant());
                    commands.sendAndWait(command);
                    return command.sessions().stream().map(s -> s.sessionId()).toList();
                }, id -> view.programme(id).orElseThrow().getList("sessions", Document.class).stream()
                        .map(s -> UUID.fromString(s.getString("id"))).toList()));
        return outcome.created("/api/v1/programmes/" + outcome.id())
                .body(new ProgrammeScheduled(outcome.id(), outcome.body()));
    }

    @PostMapping("/{id}/enrolments")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Enrol a family; a full programme waitlists it (WORKER of a programme agency whose agency "
            + "the family's valid consent covers; otherwise 404 as for an unknown family or programme)",
            description = "Families and consents reach meeting-service from referral-service's events on Kafka: a "
                    + "family registered or a consent given a moment ago may be 404 here for a few hundred "
                    + "milliseconds. Only the agency that registered the family is told (422) that no consent "
                    + "covers it.")
    public ResponseEntity<Enrolment> enrol(@PathVariable UUID id, @Valid @RequestBody ProgrammeRequests.Enrol request,
                                                     Caller caller,
                                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        requireProgramme(id);
        // An enrolment is the family's place in this programme: the key stands for the family.
        IdempotentCreation.Outcome<EnrolmentStatus> outcome = idempotency.create(
                "POST /api/v1/programmes/" + id + "/enrolments", caller, key, request, request::familyId,
                new IdempotentCreation.Resource<>() {
                    @Override
                    public boolean exists(UUID familyId) {
                        return placeOf(id, familyId) != null;
                    }

                    @Override
                    public EnrolmentStatus create(UUID familyId) {
                        return commands.sendAndWait(new EnrolFamily(id, familyId, request.source(),
                                request.referralId(), true, caller.agencyId(), caller.workerId(), clock.instant()));
                    }

                    @Override
                    public EnrolmentStatus replay(UUID familyId) {
                        return placeOf(id, familyId);
                    }
                });
        return outcome.status(ResponseEntity.status(201)).body(new Enrolment(outcome.body()));
    }

    /** Where the family stands in the programme's view, or null if it holds no place. */
    private EnrolmentStatus placeOf(UUID programmeId, UUID familyId) {
        Document programme = view.programme(programmeId).orElse(null);
        if (programme == null) {
            return null;
        }
        if (holds(programme, "enrolled", familyId)) {
            return EnrolmentStatus.ENROLLED;
        }
        return holds(programme, "waitlisted", familyId) ? EnrolmentStatus.WAITLISTED : null;
    }

    private static boolean holds(Document programme, String list, UUID familyId) {
        return programme.getList(list, Document.class, List.of()).stream()
                .anyMatch(place -> familyId.toString().equals(place.getString("familyId")));
    }

    @DeleteMapping("/{id}/enrolments/{familyId}")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "Cancel a family's place; the first waitlisted family is promoted (WORKER of a programme "
            + "agency, COORDINATOR)")
    public ResponseEntity<Void> cancel(@PathVariable UUID id, @PathVariable UUID familyId, Caller caller) {
        requireProgramme(id);
        commands.sendAndWait(new CancelEnrolment(id, familyId, actingAgency(caller),
                caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sessions/{sessionId}/reschedule")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "Move a session, with a reason (its facilitators or a COORDINATOR)")
    public ResponseEntity<Void> reschedule(@PathVariable UUID id, @PathVariable UUID sessionId,
                                           @Valid @RequestBody ProgrammeRequests.Reschedule request, Caller caller) {
        commands.sendAndWait(new RescheduleSession(id, sessionId, request.startsAt().toInstant(),
                request.endsAt().toInstant(), request.reasonCode(), notes.seal(id, request.reason()), actingAgency(caller),
                caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sessions/{sessionId}/cancel")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "Cancel a session, with a reason (its facilitators or a COORDINATOR)")
    public ResponseEntity<Void> cancelSession(@PathVariable UUID id, @PathVariable UUID sessionId,
                                              @Valid @RequestBody ProgrammeRequests.CancelSession request, Caller caller) {
        commands.sendAndWait(new CancelSession(id, sessionId, request.reasonCode(),
                notes.seal(id, request.reason()), actingAgency(caller), caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "The programme: sessions, enrolled and waitlisted families (facilitating agencies, COORDINATOR)")
    public ProgrammeDetail programme(@PathVariable UUID id, Caller caller) {
        Document d = view.programme(id).orElseThrow(() -> new UnknownException("no such programme"));
        List<String> agencies = d.getList("agencyIds", String.class);
        if (!caller.has(Role.COORDINATOR) && caller.agency().map(a -> !agencies.contains(a.toString())).orElse(true)) {
            throw new UnknownException("no such programme");
        }
        List<ProgrammeSession> sessions = d.getList("sessions", Document.class).stream().map(s -> {
            boolean changed = s.containsKey("changeReason");
            boolean held = s.containsKey("families");
            // The note is opened only here, for the programme's agencies and coordinators.
            return new ProgrammeSession(s.getString("id"), s.getDate("startsAt").toInstant(),
                    s.getDate("endsAt").toInstant(), s.getString("topic"), s.getString("status"),
                    changed ? s.getString("changeReason") : null,
                    changed ? notes.open(id, s.getString("changeNote")) : null,
                    held ? s.getInteger("families") : null, held ? s.getInteger("familiesWithFather") : null,
                    held ? s.getInteger("children") : null);
        }).toList();
        return new ProgrammeDetail(id, d.getString("name"), d.getString("serviceId"), agencies, d.getString("location"),
                d.getInteger("capacityFamilies"), d.getInteger("plannedFamilies"), sessions,
                places(d.getList("enrolled", Document.class)), places(d.getList("waitlisted", Document.class)),
                d.getInteger("feedbackCount", 0));
    }

    private static List<Place> places(List<Document> places) {
        return places.stream().map(p -> new Place(p.getString("familyId"), p.getString("source"),
                p.getString("referralId"))).toList();
    }

    /** An unknown programme reads as one the caller's agency does not run (the aggregate's answer). */
    private void requireProgramme(UUID id) {
        if (!index.exists(id)) {
            throw new UnknownException("no such programme");
        }
    }

    /** A coordinator acts for the whole network, a worker for its agency. */
    static UUID actingAgency(Caller caller) {
        return caller.has(Role.COORDINATOR) ? null : caller.agencyId();
    }
}
