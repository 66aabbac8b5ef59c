package fi.perhekeskus.meeting.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.serialization.StorableText;
import fi.perhekeskus.contract.programme.InvitationAnswer;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.links.FamilyLinkTokens;
import fi.perhekeskus.infra.web.InvalidFieldException;
import fi.perhekeskus.infra.web.PageTexts;
import fi.perhekeskus.infra.web.ProblemLanguage;
import fi.perhekeskus.meeting.familylink.FamilyPages;
import fi.perhekeskus.meeting.programme.AnswerInvitationByLink;
import fi.perhekeskus.meeting.programme.AnswerOutcome;
import fi.perhekeskus.meeting.programme.ProgrammeProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /invitation/{token}}: the family's own answer to an invitation, by the signed link in its
 * invitation mail ({@link FamilyLinkTokens#invitation}, minted by referral-service, which holds the
 * address). The link names the programme and the invitation, never the family. A page in fi/sv/en
 * for a browser, JSON for other clients; a forged or unknown link is 404, an answered or ended
 * invitation 410, as a used feedback link is.
 */
@Controller
@RequestMapping("/invitation/{token}")
@Tag(name = "Invitation links")
public class InvitationLinkController {

    /** What a JSON client reads of an open invitation. */
    public record InvitationLinkResponse(String programme, String location, Instant firstSessionAt, Instant expiresAt,
                                         List<InvitationAnswer> answers) {
    }

    private final FamilyLinkTokens tokens;
    private final ProgrammeProjection programmes;
    private final InvitationProjection invitations;
    private final CommandGateway commands;
    private final ObjectMapper mapper;
    private final Clock clock;

    public InvitationLinkController(FamilyLinkTokens tokens, ProgrammeProjection programmes,
                                    InvitationProjection invitations, CommandGateway commands, ObjectMapper mapper,
                                    Clock clock) {
        this.tokens = tokens;
        this.programmes = programmes;
        this.invitations = invitations;
        this.commands = commands;
        // Reads the body it takes itself the way MVC reads the others: text no store can hold is 400.
        this.mapper = StorableText.reader(mapper);
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The invitation's page in fi, sv or en (?lang=, else Accept-Language, else fi), or the "
            + "programme as JSON with Accept: application/json; an answered or ended invitation is 410, an unknown link 404")
    public ResponseEntity<?> show(@PathVariable String token, @RequestParam(required = false) String lang,
                                  HttpServletRequest request) {
        PageTexts.Localised<InvitationPage.Text> language = InvitationPage.TEXTS.choose(lang, FamilyPages.accepted(request));
        Optional<FamilyLinkTokens.InvitationLink> link = tokens.readInvitation(token);
        Optional<InvitationStatus> status = link.flatMap(l -> invitations.status(l.invitationId()));
        Optional<Document> programme = status.flatMap(s -> programmes.programme(link.get().programmeId()));
        if (programme.isEmpty()) {
            return unknown(language, request);
        }
        if (!open(link.get(), status.get())) {
            return closed(language, request);
        }
        InvitationPage.Programme shown = shown(programme.get(), link.get());
        if (FamilyPages.wantsJson(request)) {
            return FamilyPages.private_(ResponseEntity.ok()).contentType(MediaType.APPLICATION_JSON)
                    .body(new InvitationLinkResponse(shown.name(), shown.location(), shown.firstSession(),
                            shown.expiresAt(), List.of(InvitationAnswer.values())));
        }
        return FamilyPages.page(HttpStatus.OK, InvitationPage.form(token, language, shown));
    }

    /** The page's buttons post {@code answer=YES|NO}; a JSON client posts {@code {"answer": "YES"}}. */
    @PostMapping(produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The family's answer (form-encoded or JSON): YES enrols it (source INVITATION) or "
            + "waitlists it, NO declines; once, then 410",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = InvitationRequests.Answer.class)),
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                            schema = @Schema(implementation = InvitationRequests.Answer.class))}))
    public ResponseEntity<?> answer(@PathVariable String token, @RequestParam(required = false) String lang,
                                    HttpServletRequest request) {
        PageTexts.Localised<InvitationPage.Text> language = InvitationPage.TEXTS.choose(lang, FamilyPages.accepted(request));
        Optional<FamilyLinkTokens.InvitationLink> link = tokens.readInvitation(token);
        Optional<InvitationStatus> status = link.flatMap(l -> invitations.status(l.invitationId()));
        if (status.isEmpty()) {
            return unknown(language, request);
        }
        if (!open(link.get(), status.get())) {
            return closed(language, request);
        }
        InvitationAnswer answer = FamilyPages.isForm(request) ? formAnswer(request) : jsonAnswer(request);
        AnswerOutcome outcome;
        try {
            outcome = commands.sendAndWait(new AnswerInvitationByLink(link.get().programmeId(),
                    link.get().invitationId(), answer, clock.instant()));
        } catch (UnknownException unknown) {
            return unknown(language, request);
        } catch (IllegalTransitionException answeredOrEnded) {
            return closed(language, request);
        }
        if (FamilyPages.navigates(request) || FamilyPages.wantsHtml(request) || FamilyPages.isForm(request)) {
            return FamilyPages.page(HttpStatus.OK, InvitationPage.message(language, outcome.name(), InvitationPage.title(outcome),
                    InvitationPage.text(outcome)));
        }
        return FamilyPages.private_(ResponseEntity.ok()).contentType(MediaType.APPLICATION_JSON)
                .body(new InvitationController.AnswerResponse(outcome));
    }

    /**
     * Before its end and unanswered, as the view (caught up with every change stored before the read)
     * knows it; the aggregate has the last word when two answers race.
     */
    private boolean open(FamilyLinkTokens.InvitationLink link, InvitationStatus status) {
        return clock.instant().isBefore(link.expiresAt()) && status == InvitationStatus.INVITED;
    }

    private static InvitationPage.Programme shown(Document programme, FamilyLinkTokens.InvitationLink link) {
        Instant first = programme.getList("sessions", Document.class, List.of()).stream()
                .filter(s -> !"CANCELLED".equals(s.getString("status")))
                .map(s -> s.getDate("startsAt")).map(Date::toInstant).min(Comparator.naturalOrder()).orElse(null);
        return new InvitationPage.Programme(programme.getString("name"), programme.getString("location"), first,
                link.expiresAt());
    }

    private static InvitationAnswer formAnswer(HttpServletRequest request) {
        return parse(request.getParameter("answer"));
    }

    private InvitationAnswer jsonAnswer(HttpServletRequest request) {
        try {
            byte[] bytes = request.getInputStream().readAllBytes();
            JsonNode json = bytes.length == 0 ? null : mapper.readTree(bytes);
            return parse(json != null && json.isObject() && json.get("answer") != null && json.get("answer").isTextual()
                    ? json.get("answer").asText() : null);
        } catch (IOException notJson) {
            return parse(null);
        }
    }

    private static InvitationAnswer parse(String value) {
        try {
            return InvitationAnswer.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException notAnAnswer) {
            throw new InvalidFieldException("answer", "is YES or NO");
        }
    }

    private static ResponseEntity<?> unknown(PageTexts.Localised<InvitationPage.Text> language, HttpServletRequest request) {
        return refusal(HttpStatus.NOT_FOUND, "no such invitation link", language, "unknown", InvitationPage.Text.UNKNOWN_TITLE,
                InvitationPage.Text.UNKNOWN_TEXT, request);
    }

    private static ResponseEntity<?> closed(PageTexts.Localised<InvitationPage.Text> language, HttpServletRequest request) {
        return refusal(HttpStatus.GONE, "the invitation was answered already or has ended", language, "closed",
                InvitationPage.Text.CLOSED_TITLE, InvitationPage.Text.CLOSED_TEXT, request);
    }

    /** A page for a browser's navigation, else problem+json in the caller's language. */
    private static ResponseEntity<?> refusal(HttpStatus status, String detail, PageTexts.Localised<InvitationPage.Text> language,
                                             String state, InvitationPage.Text titleKey, InvitationPage.Text textKey, HttpServletRequest request) {
        if (FamilyPages.navigates(request)) {
            return FamilyPages.page(status, InvitationPage.message(language, state, titleKey, textKey));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        Locale shown = ProblemLanguage.shared().localise(problem,
                ProblemLanguage.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        return FamilyPages.private_(ResponseEntity.status(status)).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, shown.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).body(problem);
    }
}
