package fi.perhekeskus.meeting.invitation;

import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.meeting.programme.ProgrammeIndex;
import fi.perhekeskus.meeting.programme.ProgrammeProjection;
import fi.perhekeskus.meeting.programme.AnswerInvitation;
import fi.perhekeskus.meeting.programme.AnswerOutcome;
import fi.perhekeskus.meeting.programme.InviteFamilies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Group programmes")
public class InvitationController {

    /** How many families the request invited (families invited, enrolled or waitlisted before are not). */
    public record InvitedResponse(int invited) {
    }

    /** One invitation and where it stands. */
    public record InvitationSummary(UUID invitationId, UUID familyId, Instant invitedAt, InvitationStatus status) {
    }

    /** What the answer did: ENROLLED, WAITLISTED or DECLINED. */
    public record AnswerResponse(AnswerOutcome status) {
    }

    private final CommandGateway commands;
    private final ProgrammeIndex programmes;
    private final ProgrammeProjection programmeView;
    private final InvitationIndex index;
    private final InvitationProjection view;
    private final InvitationMapper mapper;
    private final Clock clock;

    public InvitationController(CommandGateway commands, ProgrammeIndex programmes, ProgrammeProjection programmeView,
                                InvitationIndex index, InvitationProjection view, InvitationMapper mapper,
                                Clock clock) {
        this.commands = commands;
        this.programmes = programmes;
        this.programmeView = programmeView;
        this.index = index;
        this.view = view;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping("/programmes/{id}/invitations")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "inviteFamilies", summary = "Invite families by a list, or by their child's age at the first session (WORKER of a "
            + "programme agency, COORDINATOR)",
            description = "By list: each family's valid consent must cover the worker's agency (a coordinator: one of "
                    + "the programme's agencies), else 404 as for an unknown family. By age: the families in one of "
                    + "the service's municipalities with a child whose age in months at the first session is in "
                    + "the programme's target range, whose consent covers the worker's agency (a coordinator: one "
                    + "of the programme's). Families invited, enrolled or waitlisted already are not invited again. "
                    + "A programme that has begun invites no one (422).")
    public InvitedResponse invite(@PathVariable UUID id, @Valid @RequestBody InvitationRequests.Invite request,
                                  Caller caller) {
        requireProgramme(id);
        boolean byAge = Boolean.TRUE.equals(request.byAge());
        Integer invited = commands.sendAndWait(new InviteFamilies(id, byAge ? List.of() : request.familyIds(), byAge,
                actingAgency(caller), caller.workerId(), clock.instant()));
        return new InvitedResponse(invited == null ? 0 : invited);
    }

    @GetMapping("/programmes/{id}/invitations")
    @PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
    @Operation(operationId = "listInvitations", summary = "The programme's invitations and where each stands (programme agencies, COORDINATOR)")
    public List<InvitationSummary> invitations(@PathVariable UUID id, Caller caller,
                                               @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_MAX) int limit,
                                               @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.OFFSET_MAX) int offset) {
        Document programme = programmeView.programme(id).orElseThrow(() -> new UnknownException("no such programme"));
        List<String> agencies = programme.getList("agencyIds", String.class);
        if (!caller.has(Role.COORDINATOR) && caller.agency().map(a -> !agencies.contains(a.toString())).orElse(true)) {
            throw new UnknownException("no such programme");
        }
        return Limits.page(mapper.toSummaries(view.ofProgramme(id)), limit, offset);
    }

    @PostMapping("/invitations/{invitationId}/answer")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(operationId = "answerInvitation", summary = "Record a family's answer; YES enrols it (source INVITATION) or waitlists it (WORKER of a "
            + "programme agency whose agency the family's consent covers)",
            description = "An answered or expired invitation is 409; an agency that does not run the programme, or "
                    + "that the family's consent does not cover, gets 404 as for an unknown invitation.")
    public AnswerResponse answer(@PathVariable UUID invitationId, @Valid @RequestBody InvitationRequests.Answer request,
                                 Caller caller) {
        UUID programme = index.programmeOf(invitationId).orElseThrow(() -> new UnknownException("no such invitation"));
        return new AnswerResponse(commands.sendAndWait(new AnswerInvitation(programme, invitationId,
                request.answer(), caller.agencyId(), caller.workerId(), clock.instant())));
    }

    /** An unknown programme reads as one the caller's agency does not run (the aggregate's answer). */
    private void requireProgramme(UUID id) {
        if (!programmes.exists(id)) {
            throw new UnknownException("no such programme");
        }
    }

    private static UUID actingAgency(Caller caller) {
        return caller.has(Role.COORDINATOR) ? null : caller.agencyId();
    }
}
