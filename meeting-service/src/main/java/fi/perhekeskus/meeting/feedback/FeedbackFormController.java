package fi.perhekeskus.meeting.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.serialization.StorableText;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.infra.web.InvalidFieldException;
import fi.perhekeskus.infra.web.PageTexts;
import fi.perhekeskus.infra.web.ProblemLanguage;
import fi.perhekeskus.infra.web.ResourceId;
import fi.perhekeskus.meeting.familylink.FamilyPages;
import fi.perhekeskus.meeting.programme.FeedbackComments;
import fi.perhekeskus.meeting.programme.GiveFeedbackByLink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /feedback/{code}}: the login-free feedback form (fi/sv/en) for whoever holds a one-use link,
 * and its answer, recorded as the family's own through the programme's command. A used code is 410 and
 * an unknown one 404: a friendly page for a browser's navigation, problem+json for any other client. A
 * browser's or form post is answered 201 with a thank-you page, a JSON one with the feedback's id. The comment never enters an event:
 * it is kept sealed by {@link FeedbackComments}, as the facilitators' comments are.
 */
@Controller
@RequestMapping("/feedback/{code}")
@Tag(name = "Feedback links")
public class FeedbackFormController {

    /** What a JSON client reads of an open link: the questions and the answers each takes. */
    public record FeedbackFormResponse(List<String> questions, List<String> optional, List<Answer> answers,
                                       int commentMaxLength) {
    }

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final FeedbackLinks links;
    private final CommandGateway commands;
    private final FeedbackComments comments;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;
    private final String baseUrl;

    public FeedbackFormController(FeedbackLinks links, CommandGateway commands, FeedbackComments comments,
                                  ObjectMapper mapper, Validator validator, Clock clock,
                                  @Value("${perhekeskus.feedback.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.links = links;
        this.commands = commands;
        this.comments = comments;
        // Reads the body it takes itself the way MVC reads the others: text no store can hold is 400.
        this.mapper = StorableText.reader(mapper);
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The feedback form: an HTML page in fi, sv or en (?lang=, else Accept-Language, else fi), "
            + "or its questions as JSON with Accept: application/json; a used link is 410, an unknown one 404")
    public ResponseEntity<?> show(@PathVariable String code, @RequestParam(required = false) String lang,
                                  HttpServletRequest request) {
        PageTexts.Localised<FeedbackText> language = FeedbackText.TEXTS.choose(lang, FamilyPages.accepted(request));
        FeedbackLinks.Link link = links.find(code);
        if (link.standing() != FeedbackLinks.Standing.OPEN) {
            return closed(link.standing(), language, request);
        }
        if (FamilyPages.wantsJson(request)) {
            return FamilyPages.private_(ResponseEntity.ok()).contentType(MediaType.APPLICATION_JSON).body(new FeedbackFormResponse(
                    List.of("timingSuited", "contentMetNeeds", "infoMatchedChildAge", "premisesSuited"),
                    List.of("premisesSuited", "comment"), List.of(Answer.values()), FeedbackPage.COMMENT_MAX));
        }
        return FamilyPages.page(HttpStatus.OK, FeedbackPage.form(code, language, false));
    }

    @GetMapping("/qr.svg")
    @Operation(summary = "The link as a QR code (SVG), to print or show; a used link is 410, an unknown one 404")
    public ResponseEntity<?> qr(@PathVariable String code, HttpServletRequest request) {
        FeedbackLinks.Link link = links.find(code);
        if (link.standing() != FeedbackLinks.Standing.OPEN) {
            // An image, not a page: a used or unknown link's code is a problem for any client.
            return problem(link.standing(), request);
        }
        // The code is of the issued shape here (an open link), so it is safe in a URL as it is.
        return FamilyPages.private_(ResponseEntity.ok()).contentType(SVG)
                .body(FeedbackQrCode.svg(FeedbackLinkController.urlOf(baseUrl, code).toString()));
    }

    /** Answered with a page for a browser and JSON for others: both are produced (see AcceptBeforeWrite). */
    @PostMapping(produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The family's answers (form-encoded or JSON): timingSuited, contentMetNeeds, "
            + "infoMatchedChildAge (YES, PARTLY, NO), premisesSuited and comment optional; 201 once, then 410",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = FeedbackRequests.Answers.class)),
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                            schema = @Schema(implementation = FeedbackRequests.Answers.class))}))
    public ResponseEntity<?> answer(@PathVariable String code, @RequestParam(required = false) String lang,
                                    HttpServletRequest request) {
        PageTexts.Localised<FeedbackText> language = FeedbackText.TEXTS.choose(lang, FamilyPages.accepted(request));
        boolean browser = FamilyPages.navigates(request);
        FeedbackLinks.Link link = links.find(code);
        if (link.standing() != FeedbackLinks.Standing.OPEN) {
            return closed(link.standing(), language, request);
        }
        FeedbackRequests.Answers answers = FamilyPages.isForm(request) ? formAnswers(request) : jsonAnswers(request);
        Set<ConstraintViolation<FeedbackRequests.Answers>> violations =
                answers == null ? Set.of() : validator.validate(answers);
        if (answers == null || !violations.isEmpty()) {
            if (browser) {
                return FamilyPages.page(HttpStatus.BAD_REQUEST, FeedbackPage.form(code, language, true));
            }
            if (answers == null) {
                throw new InvalidFieldException("answers", "are YES, PARTLY or NO");
            }
            throw new ConstraintViolationException(violations);
        }
        UUID feedbackId = UUID.randomUUID();
        Instant now = clock.instant();
        FeedbackLinks.Link spent = links.spend(code, feedbackId, now).orElse(null);
        if (spent == null) {
            // Spent (or gone) between the look-up and now: another post of the same code won.
            return closed(links.find(code).standing(), language, request);
        }
        try {
            commands.sendAndWait(new GiveFeedbackByLink(spent.programmeId(), spent.sessionId(), feedbackId,
                    answers.timingSuited(), answers.contentMetNeeds(), answers.infoMatchedChildAge(),
                    answers.premisesSuited(), now));
        } catch (RuntimeException refused) {
            links.restore(code, feedbackId);
            if (browser) {
                return FamilyPages.page(HttpStatus.CONFLICT, FeedbackPage.message(language, "refused", FeedbackText.FAILED_TITLE, FeedbackText.FAILED_TEXT));
            }
            throw refused;
        }
        if (answers.comment() != null && !answers.comment().isBlank()) {
            comments.keep(spent.programmeId(), spent.sessionId(), feedbackId, answers.comment(), now);
        }
        if (browser || FamilyPages.wantsHtml(request) || FamilyPages.isForm(request)) {
            return FamilyPages.page(HttpStatus.CREATED, FeedbackPage.message(language, "thanks", FeedbackText.THANKS, FeedbackText.THANKS_TEXT));
        }
        return FamilyPages.private_(ResponseEntity.status(HttpStatus.CREATED)).contentType(MediaType.APPLICATION_JSON)
                .body(new ResourceId(feedbackId));
    }

    /** A used (410) or unknown (404) link: a page for a browser's navigation, else problem+json. */
    private ResponseEntity<?> closed(FeedbackLinks.Standing standing, PageTexts.Localised<FeedbackText> language,
                                     HttpServletRequest request) {
        boolean used = standing == FeedbackLinks.Standing.USED;
        HttpStatus status = used ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
        if (!FamilyPages.navigates(request)) {
            return problem(standing, request);
        }
        return FamilyPages.page(status, used ? FeedbackPage.message(language, "used", FeedbackText.USED_TITLE, FeedbackText.USED_TEXT)
                : FeedbackPage.message(language, "unknown", FeedbackText.UNKNOWN_TITLE, FeedbackText.UNKNOWN_TEXT));
    }

    private static ResponseEntity<?> problem(FeedbackLinks.Standing standing, HttpServletRequest request) {
        boolean used = standing == FeedbackLinks.Standing.USED;
        HttpStatus status = used ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                used ? "feedback was given with this link already" : "no such feedback link");
        java.util.Locale language = ProblemLanguage.shared().localise(problem,
                ProblemLanguage.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        return FamilyPages.private_(ResponseEntity.status(status)).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).body(problem);
    }

    private static FeedbackRequests.Answers formAnswers(HttpServletRequest request) {
        try {
            return new FeedbackRequests.Answers(answer(request, "timingSuited"), answer(request, "contentMetNeeds"),
                    answer(request, "infoMatchedChildAge"), answer(request, "premisesSuited"),
                    request.getParameter("comment"));
        } catch (IllegalArgumentException notAnAnswer) {
            return null;
        }
    }

    private static Answer answer(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : Answer.valueOf(value);
    }

    private FeedbackRequests.Answers jsonAnswers(HttpServletRequest request) {
        try {
            byte[] bytes = request.getInputStream().readAllBytes();
            JsonNode json = bytes.length == 0 ? null : mapper.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new HttpMessageNotReadableException("the body is not a JSON object",
                        new ServletServerHttpRequest(request));
            }
            return mapper.treeToValue(json, FeedbackRequests.Answers.class);
        } catch (IOException | IllegalArgumentException notJson) {
            throw new HttpMessageNotReadableException("the body is not valid JSON for this request", notJson,
                    new ServletServerHttpRequest(request));
        }
    }

}
