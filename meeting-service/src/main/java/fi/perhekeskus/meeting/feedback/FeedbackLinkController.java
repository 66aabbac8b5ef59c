package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.meeting.programme.IssueFeedbackLinks;
import fi.perhekeskus.meeting.programme.ProgrammeIndex;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/sessions/{id}/feedback-links}: a worker of one of the session's facilitating agencies
 * hands out one-use links (and their QR codes) for the families to answer the feedback themselves,
 * once the session has begun. The programme decides who may (its command); the codes are then kept
 * hashed by {@link FeedbackLinks}.
 */
@RestController
@Tag(name = "Group programmes")
public class FeedbackLinkController {

    private final CommandGateway commands;
    private final ProgrammeIndex index;
    private final FeedbackLinks links;
    private final Clock clock;
    private final String baseUrl;

    public FeedbackLinkController(CommandGateway commands, ProgrammeIndex index, FeedbackLinks links, Clock clock,
                                  @Value("${perhekeskus.feedback.base-url:}") String baseUrl) {
        this.commands = commands;
        this.index = index;
        this.links = links;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @PostMapping("/api/v1/sessions/{id}/feedback-links")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(summary = "One-use links for the families' own feedback on a session that has begun (1–100; a WORKER "
            + "of a facilitating agency); each link's QR code is at {url}/qr.svg")
    public ResponseEntity<List<FeedbackRequests.FeedbackLinkResponse>> issue(
            @PathVariable UUID id, @Valid @RequestBody FeedbackRequests.Links request, Caller caller) {
        UUID programme = index.programmeOf(id).orElseThrow(() -> new UnknownException("no such session"));
        Instant now = clock.instant();
        commands.sendAndWait(new IssueFeedbackLinks(programme, id, request.count(), caller.agencyId(),
                caller.workerId(), now));
        List<FeedbackRequests.FeedbackLinkResponse> issued = links.issue(programme, id, request.count(),
                        caller.workerId(), now).stream()
                .map(code -> new FeedbackRequests.FeedbackLinkResponse(code, urlOf(baseUrl, code)))
                .toList();
        return ResponseEntity.status(201).body(issued);
    }

    /** Where a code's form is: under the configured base URL, else the URL the request came to. */
    static URI urlOf(String baseUrl, String code) {
        String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : baseUrl;
        return URI.create(base + "/feedback/" + code);
    }
}
