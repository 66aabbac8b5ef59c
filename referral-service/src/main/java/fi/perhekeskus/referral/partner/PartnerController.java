package fi.perhekeskus.referral.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.serialization.StorableText;
import fi.perhekeskus.domain.DomainException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.web.PageTexts;
import fi.perhekeskus.infra.web.InvalidFieldException;
import fi.perhekeskus.referral.referral.ReceiverMoves;
import fi.perhekeskus.referral.referral.ReceiverMoves.Move;
import fi.perhekeskus.referral.referral.ReferralReader;
import fi.perhekeskus.referral.referral.ReferralResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /partner/{token}}: the referral as its receiver sees it, for whoever holds the partner link,
 * and the receiver's moves through the command gateway, with the receiver API's bodies and checks. The
 * page (fi/sv/en) posts one plain form per move and is answered 303 back to itself; JSON bodies are
 * answered as the receiver's API answers. An expired, revoked, superseded, unknown or forged link is
 * 404 on every path. Every use is in the family's access log, the link ({@code partner-link:<id>}) as
 * the actor: reads by {@link ReferralReader}, moves here.
 */
@Controller
@RequestMapping("/partner/{token}")
@Tag(name = "Partner links")
public class PartnerController {

    private final PartnerLinks links;
    private final ReferralReader reader;
    private final ReceiverMoves moves;
    private final ObjectMapper mapper;
    private final Validator validator;

    public PartnerController(PartnerLinks links, ReferralReader reader, ReceiverMoves moves, ObjectMapper mapper,
                             Validator validator) {
        this.links = links;
        this.reader = reader;
        this.moves = moves;
        // Reads the body it takes itself the way MVC reads the others: text no store can hold is 400.
        this.mapper = StorableText.reader(mapper);
        this.validator = validator;
    }

    /** The JSON view: the referral, the moves open to the receiver now, and when the link expires. */
    public record PartnerPageResponse(ReferralResponse referral, List<String> moves, Instant linkExpiresAt) {
    }

    @GetMapping
    @Operation(summary = "The referral as its receiver sees it: an HTML page in fi, sv or en (?lang=, else "
            + "Accept-Language), or JSON with Accept: application/json")
    public ResponseEntity<?> show(@PathVariable String token, @RequestParam(required = false) String lang,
                                  @RequestParam(required = false) String failed, HttpServletRequest request) {
        PartnerLinks.Opened opened = links.open(token, "referral read");
        PageTexts.Localised<PartnerText> language = PartnerText.TEXTS.choose(lang, accepted(request));
        ReferralResponse referral = reader.detail(opened.referralId(), opened.receiver());
        List<Move> open = ReceiverMoves.available(referral.status());
        if (wantsJson(request)) {
            return private_(ResponseEntity.ok()).contentType(MediaType.APPLICATION_JSON)
                    .body(new PartnerPageResponse(referral, open.stream().map(Move::path).toList(), opened.expiresAt()));
        }
        return private_(ResponseEntity.ok())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PartnerPage.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(PartnerPage.html(referral, open, token, opened.expiresAt(), language, failed != null));
    }

    /**
     * A receiver's move. CSRF: the link's token in the path is the capability, and it is the only
     * credential (no cookie, session or bearer token is read on these paths), so a form posted from
     * another site can only name a token its author already holds, and could then use it directly:
     * there is nothing ambient to ride on, so no CSRF token is added. The page sends no Referer
     * (Referrer-Policy: no-referrer), so the token does not leak to other sites through it.
     */
    @PostMapping("/{move}")
    @Operation(summary = "The receiver's move (receive, accept, decline, redirect, hold, resume, start, complete) "
            + "with the receiver API's body; a form post is answered 303 back to the page")
    public ResponseEntity<?> move(@PathVariable String token, @PathVariable("move") String path,
                                  @RequestParam(required = false) String lang, HttpServletRequest request) {
        PartnerLinks.Opened opened = links.open(token, "referral move " + path);
        Move move = Move.of(path).orElseThrow(() -> new UnknownException("no such move"));
        if (isForm(request)) {
            PageTexts.Localised<PartnerText> language = PartnerText.TEXTS.choose(lang, accepted(request));
            String page = "/partner/" + token + "?lang=" + language.tag();
            try {
                Object body = validated(move, formBody(move, request));
                links.logMove(opened, move.path());
                moves.make(opened.referralId(), move, body, opened.receiver());
            } catch (DomainException | CommandExecutionException | IllegalArgumentException
                     | ConstraintViolationException refused) {
                // The page says the move did not succeed; the link itself stays valid (else it was 404 above).
                return seeOther(page + "&failed=" + move.path());
            }
            return seeOther(page);
        }
        Object body = validated(move, jsonBody(move, request));
        links.logMove(opened, move.path());
        return private_(ResponseEntity.ok()).contentType(MediaType.APPLICATION_JSON)
                .body(moves.make(opened.referralId(), move, body, opened.receiver()));
    }

    private Object formBody(Move move, HttpServletRequest request) {
        if (move.body() == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("lang") && !name.equals("failed") && values.length > 0 && !values[0].isBlank()) {
                fields.put(name, values[0]);
            }
        });
        return mapper.convertValue(fields, move.body());
    }

    private Object jsonBody(Move move, HttpServletRequest request) {
        JsonNode json;
        try {
            byte[] bytes = request.getInputStream().readAllBytes();
            json = bytes.length == 0 ? null : mapper.readTree(bytes);
        } catch (IOException notJson) {
            throw new HttpMessageNotReadableException("the body is not valid JSON", notJson,
                    new ServletServerHttpRequest(request));
        }
        if (move.body() == null) {
            return null;
        }
        if (json == null || json.isNull() || json.isMissingNode()) {
            if (move.needsBody()) {
                throw new InvalidFieldException("body", "is required for " + move.path());
            }
            return null;
        }
        try {
            return mapper.treeToValue(json, move.body());
        } catch (IOException | IllegalArgumentException wrongShape) {
            throw new HttpMessageNotReadableException("the body is not valid JSON for this request", wrongShape,
                    new ServletServerHttpRequest(request));
        }
    }

    private Object validated(Move move, Object body) {
        if (body == null) {
            if (move.needsBody()) {
                throw new InvalidFieldException("body", "is required for " + move.path());
            }
            return null;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    /** The browser's languages; none without the header (the servlet would answer the server's own). */
    private static List<Locale> accepted(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange())).toList();
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type));
    }

    /**
     * JSON when the caller prefers it: the first type it accepts, by quality, is JSON. A browser (which
     * asks for HTML first), a caller accepting anything and one sending no Accept get the page.
     */
    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (org.springframework.http.InvalidMediaTypeException unreadable) {
            return false;
        }
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        MediaType first = types.isEmpty() ? MediaType.ALL : types.get(0);
        return !first.isWildcardType() && !first.isWildcardSubtype()
                && first.isCompatibleWith(MediaType.APPLICATION_JSON);
    }

    private static ResponseEntity<?> seeOther(String location) {
        return private_(ResponseEntity.status(HttpStatus.SEE_OTHER)).header(HttpHeaders.LOCATION, location).build();
    }

    /** The link is a secret and the page holds the family's data: never cached, never referred on. */
    private static ResponseEntity.BodyBuilder private_(ResponseEntity.BodyBuilder builder) {
        return builder.cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex");
    }
}
