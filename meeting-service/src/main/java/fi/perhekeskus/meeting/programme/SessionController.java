package fi.perhekeskus.meeting.programme;

import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import fi.perhekeskus.infra.web.ResourceId;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Group programmes")
public class SessionController {

    /** Attendance recorded: the session is HELD, with this many families' counts. */
    public record AttendanceRecorded(UUID sessionId, String status, int families) {
    }

    /** A session the caller's agency facilitates, with its programme. */
    public record FacilitatedSession(String id, String programmeId, String programme, String location,
                                     Instant startsAt, Instant endsAt, String topic, String status) {
    }

    private final CommandGateway commands;
    private final ProgrammeIndex index;
    private final ProgrammeMapper mapper;
    private final ProgrammeProjection view;
    private final FeedbackComments comments;
    private final Clock clock;

    public SessionController(CommandGateway commands, ProgrammeIndex index, ProgrammeMapper mapper, ProgrammeProjection view,
                             FeedbackComments comments, Clock clock) {
        this.commands = commands;
        this.index = index;
        this.mapper = mapper;
        this.view = view;
        this.comments = comments;
        this.clock = clock;
    }

    @PostMapping("/{id}/attendance")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Record who came, per family (adults, fathers, children); marks the session held "
            + "(WORKER of a facilitating agency)")
    public AttendanceRecorded attendance(@PathVariable UUID id, @Valid @RequestBody ProgrammeRequests.Attendance request,
                                          Caller caller) {
        UUID programme = programmeOf(id);
        commands.sendAndWait(new RecordAttendance(programme, id, mapper.toAttendance(request.families()),
                caller.agencyId(), caller.workerId(), clock.instant()));
        return new AttendanceRecorded(id, "HELD", request.families().size());
    }

    @PostMapping("/{id}/feedback")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "A family's anonymous feedback on a held session (WORKER of a facilitating agency)")
    @ResponseStatus(HttpStatus.CREATED)
    public ResourceId feedback(@PathVariable UUID id,
                                                        @Valid @RequestBody ProgrammeRequests.Feedback request,
                                                        Caller caller) {
        UUID programme = programmeOf(id);
        UUID feedbackId = UUID.randomUUID();
        Instant now = clock.instant();
        commands.sendAndWait(new GiveFeedback(programme, id, feedbackId, request.timingSuited(),
                request.contentMetNeeds(), request.infoMatchedChildAge(), caller.agencyId(), now));
        if (request.comment() != null && !request.comment().isBlank()) {
            comments.keep(programme, id, feedbackId, request.comment(), now);
        }
        return new ResourceId(feedbackId);
    }

    @GetMapping("/{id}/feedback/comments")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "The families' free-text comments on a session still within their retention period "
            + "(a WORKER of a facilitating agency)")
    public List<FeedbackComments.Comment> feedbackComments(@PathVariable UUID id, Caller caller) {
        UUID programme = programmeOf(id);
        boolean facilitates = view.programme(programme).stream()
                .flatMap(p -> p.getList("sessions", Document.class).stream())
                .anyMatch(s -> s.getString("id").equals(id.toString())
                        && s.getList("facilitatorAgencyIds", String.class).contains(caller.agencyId().toString()));
        if (!facilitates) {
            throw new UnknownException("no such session");
        }
        return comments.ofSession(programme, id);
    }

    @GetMapping
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "The sessions the caller's agency facilitates; upcoming=true for those still ahead, soonest first")
    public List<FacilitatedSession> facilitated(@RequestParam(defaultValue = "true") boolean upcoming, Caller caller) {
        String agency = caller.agencyId().toString();
        Instant now = clock.instant();
        List<FacilitatedSession> sessions = new ArrayList<>();
        for (Document programme : view.facilitatedBy(caller.agencyId())) {
            for (Document s : programme.getList("sessions", Document.class)) {
                Instant starts = s.getDate("startsAt").toInstant();
                if (!s.getList("facilitatorAgencyIds", String.class).contains(agency) || upcoming && starts.isBefore(now)) {
                    continue;
                }
                sessions.add(new FacilitatedSession(s.getString("id"), programme.getString("_id"),
                        programme.getString("name"), programme.getString("location"), starts,
                        s.getDate("endsAt").toInstant(), s.getString("topic"), s.getString("status")));
            }
        }
        sessions.sort(Comparator.comparing(FacilitatedSession::startsAt));
        return sessions;
    }

    /** A correction replaces the whole attendance of a held session; the events keep what it replaced. */
    @PutMapping("/{id}/attendance")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "Correct the recorded attendance of a held session (WORKER of a facilitating agency)")
    public AttendanceCorrected correctAttendance(@PathVariable UUID id,
                                                 @Valid @RequestBody ProgrammeRequests.Attendance request, Caller caller) {
        UUID programme = programmeOf(id);
        commands.sendAndWait(new CorrectAttendance(programme, id, mapper.toAttendance(request.families()),
                caller.agencyId(), caller.workerId(), clock.instant()));
        return new AttendanceCorrected(id, "HELD", request.families().size());
    }

    public record AttendanceCorrected(UUID sessionId, String status, int families) {
    }

    private UUID programmeOf(UUID sessionId) {
        return index.programmeOf(sessionId).orElseThrow(() -> new UnknownException("no such session"));
    }
}
