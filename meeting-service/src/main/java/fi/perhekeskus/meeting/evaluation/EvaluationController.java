package fi.perhekeskus.meeting.evaluation;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.meeting.programme.EvaluateProgramme;
import fi.perhekeskus.meeting.programme.ProgrammeIndex;
import fi.perhekeskus.meeting.programme.ProgrammeNotes;
import fi.perhekeskus.meeting.programme.ProgrammeProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/programmes/{id}/evaluations}: an agency's evaluation of a programme it runs ("what I
 * would do differently"), one per agency and programme (a second is 409). The three texts are free
 * text that may name people: sealed with the programme's key before they reach the command.
 */
@RestController
@Tag(name = "Group programmes")
public class EvaluationController {

    /** The evaluation: three free texts of at most 2,000 characters each. */
    public record EvaluationRequest(@NotBlank @Size(max = 2000) String workedWell,
                                    @NotBlank @Size(max = 2000) String toDevelop,
                                    @NotBlank @Size(max = 2000) String proposals) {
    }

    /** Which agency evaluated which programme, and when. */
    public record EvaluationResponse(UUID programmeId, UUID agencyId, Instant evaluatedAt) {
    }

    /** An agency's evaluation as coordinators read it: the three texts opened. */
    public record EvaluationSummary(UUID agencyId, Instant evaluatedAt, String workedWell, String toDevelop,
                                    String proposals) {
    }

    private final CommandGateway commands;
    private final ProgrammeIndex index;
    private final ProgrammeNotes notes;
    private final ProgrammeProjection view;
    private final Clock clock;

    public EvaluationController(CommandGateway commands, ProgrammeIndex index, ProgrammeNotes notes,
                                ProgrammeProjection view, Clock clock) {
        this.commands = commands;
        this.index = index;
        this.notes = notes;
        this.view = view;
        this.clock = clock;
    }

    @GetMapping("/api/v1/programmes/{id}/evaluations")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The agencies' evaluations of a programme, their texts opened (COORDINATOR): what worked "
            + "well, what to develop, proposals; an erased programme's texts read [erased]")
    public List<EvaluationSummary> evaluations(@PathVariable UUID id) {
        Document programme = view.programme(id).orElseThrow(() -> new UnknownException("no such programme"));
        return programme.getList("evaluations", Document.class, List.of()).stream()
                .map(e -> new EvaluationSummary(UUID.fromString(e.getString("agencyId")),
                        e.getDate("evaluatedAt").toInstant(), notes.open(id, e.getString("workedWell")),
                        notes.open(id, e.getString("toDevelop")), notes.open(id, e.getString("proposals"))))
                .toList();
    }

    @PostMapping("/api/v1/programmes/{id}/evaluations")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "The caller's agency's evaluation of a programme it runs (WORKER of a programme agency), "
            + "once per agency; another agency gets 404 as for an unknown programme")
    public ResponseEntity<EvaluationResponse> evaluate(@PathVariable UUID id,
                                                       @Valid @RequestBody EvaluationRequest request, Caller caller) {
        if (!index.exists(id)) {
            throw new UnknownException("no such programme");
        }
        UUID agency = caller.agencyId();
        Instant now = clock.instant();
        commands.sendAndWait(new EvaluateProgramme(id, notes.seal(id, request.workedWell()),
                notes.seal(id, request.toDevelop()), notes.seal(id, request.proposals()), agency, caller.workerId(),
                now));
        return ResponseEntity.status(201).body(new EvaluationResponse(id, agency, now));
    }
}
