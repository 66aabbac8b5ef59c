package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Group programmes")
public class ProgrammeController {

    private final CommandGateway commands;
    private final ProgrammeMapper mapper;
    private final ProgrammeView view;
    private final ProgrammeNotes notes;
    private final Clock clock;

    public ProgrammeController(CommandGateway commands, ProgrammeMapper mapper, ProgrammeView view, ProgrammeNotes notes,
                               Clock clock) {
        this.commands = commands;
        this.mapper = mapper;
        this.view = view;
        this.notes = notes;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Plan a group programme with its sessions (COORDINATOR)")
    public ResponseEntity<Map<String, Object>> schedule(@Valid @RequestBody ProgrammeRequests.Schedule request,
                                                        Caller caller) {
        UUID id = UUID.randomUUID();
        ProgrammeCommands.ScheduleProgramme command = mapper.toCommand(request, id, caller.workerId(), clock.instant());
        commands.sendAndWait(command);
        List<UUID> sessionIds = command.sessions().stream().map(s -> s.sessionId()).toList();
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + id))
                .body(Map.of("id", id, "sessionIds", sessionIds));
    }

    @PostMapping("/{id}/enrolments")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Enrol a family; a full programme waitlists it (WORKER)")
    public ResponseEntity<Map<String, Object>> enrol(@PathVariable UUID id, @Valid @RequestBody ProgrammeRequests.Enrol request,
                                                     Caller caller) {
        ProgrammeCommands.EnrolmentStatus status = commands.sendAndWait(new ProgrammeCommands.EnrolFamily(id,
                request.familyId(), request.source(), request.referralId(), true, caller.workerId(), clock.instant()));
        return ResponseEntity.status(201).body(Map.of("status", status));
    }

    @DeleteMapping("/{id}/enrolments/{familyId}")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Cancel a family's place; the first waitlisted family is promoted (WORKER)")
    public ResponseEntity<Void> cancel(@PathVariable UUID id, @PathVariable UUID familyId, Caller caller) {
        commands.sendAndWait(new ProgrammeCommands.CancelEnrolment(id, familyId, caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sessions/{sessionId}/reschedule")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "Move a session, with a reason (its facilitators or a COORDINATOR)")
    public ResponseEntity<Void> reschedule(@PathVariable UUID id, @PathVariable UUID sessionId,
                                           @Valid @RequestBody ProgrammeRequests.Reschedule request, Caller caller) {
        commands.sendAndWait(new ProgrammeCommands.RescheduleSession(id, sessionId, request.startsAt().toInstant(),
                request.endsAt().toInstant(), request.reasonCode(), notes.seal(id, request.reason()), actingAgency(caller),
                caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sessions/{sessionId}/cancel")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "Cancel a session, with a reason (its facilitators or a COORDINATOR)")
    public ResponseEntity<Void> cancelSession(@PathVariable UUID id, @PathVariable UUID sessionId,
                                              @Valid @RequestBody ProgrammeRequests.CancelSession request, Caller caller) {
        commands.sendAndWait(new ProgrammeCommands.CancelSession(id, sessionId, request.reasonCode(),
                notes.seal(id, request.reason()), actingAgency(caller), caller.workerId(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(summary = "The programme: sessions, enrolled and waitlisted families (facilitating agencies, COORDINATOR)")
    public Map<String, Object> programme(@PathVariable UUID id, Caller caller) {
        Document d = view.programme(id).orElseThrow(() -> new UnknownException("no such programme"));
        List<String> agencies = d.getList("agencyIds", String.class);
        if (!caller.has(Role.COORDINATOR) && caller.agency().map(a -> !agencies.contains(a.toString())).orElse(true)) {
            throw new UnknownException("no such programme");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", d.getString("name"));
        body.put("serviceId", d.getString("serviceId"));
        body.put("agencyIds", agencies);
        body.put("location", d.getString("location"));
        body.put("capacityFamilies", d.getInteger("capacityFamilies"));
        body.put("plannedFamilies", d.getInteger("plannedFamilies"));
        body.put("sessions", d.getList("sessions", Document.class).stream().map(s -> {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", s.getString("id"));
            session.put("startsAt", s.getDate("startsAt").toInstant());
            session.put("endsAt", s.getDate("endsAt").toInstant());
            session.put("topic", s.getString("topic"));
            session.put("status", s.getString("status"));
            if (s.containsKey("changeReason")) {
                // The note is opened only here, for the programme's agencies and coordinators.
                session.put("changeReason", s.getString("changeReason"));
                session.put("changeNote", notes.open(id, s.getString("changeNote")));
            }
            if (s.containsKey("families")) {
                session.put("families", s.getInteger("families"));
                session.put("familiesWithFather", s.getInteger("familiesWithFather"));
                session.put("children", s.getInteger("children"));
            }
            return session;
        }).toList());
        body.put("enrolled", d.getList("enrolled", Document.class));
        body.put("waitlisted", d.getList("waitlisted", Document.class));
        body.put("feedbackCount", d.getInteger("feedbackCount", 0));
        return body;
    }

    /** A coordinator acts for the whole network, a worker for its agency. */
    static UUID actingAgency(Caller caller) {
        return caller.has(Role.COORDINATOR) ? null : caller.agencyId();
    }
}
