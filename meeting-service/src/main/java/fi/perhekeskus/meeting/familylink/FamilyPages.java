package fi.perhekeskus.meeting.familylink;

import fi.perhekeskus.infra.web.HtmlPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the families' login-free pages share (the feedback form, the invitation's answer): one style
 * sheet allowed by its hash and no script, laid out for a phone first; the answers that keep a link's
 * secret out of caches, referrers and indexes; and how a browser's navigation is told from another
 * client, which gets problem+json as everywhere on the platform.
 */
public final class FamilyPages {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fafafa;"
            + "line-height:1.4}main{max-width:40em;margin:0 auto;padding:1em}h1{font-size:1.4em}"
            + "fieldset{background:#fff;border:1px solid #bbb;border-radius:6px;margin:.8em 0;padding:.6em .8em}"
            + "legend{font-weight:600;padding:0 .3em}.choice{display:flex;align-items:center;gap:.5em;"
            + "min-height:2.6em}.choice input{width:1.4em;height:1.4em;margin:0}label{cursor:pointer}"
            + "textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5em;min-height:6em}"
            + "button{font:inherit;width:100%;margin-top:.6em;background:#00703c;color:#fff;border:0;border-radius:4px;"
            + "min-height:2.8em}button.secondary{background:#fff;color:#00703c;border:2px solid #00703c}"
            + ".notice{background:#fde8e8;border-left:4px solid #b00;padding:.6em}"
            + "dl{background:#fff;border:1px solid #bbb;border-radius:6px;padding:.6em .8em}dt{font-weight:600}"
            + "dd{margin:0 0 .5em 0}small{color:#444}";

    /** Nothing may load or run but the page's own style sheet; forms post only back to this service. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '"
            + HtmlPages.styleHash(STYLE) + "'; img-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private FamilyPages() {
    }

    /** The page's head and the opening of its body. */
    public static StringBuilder head(String languageTag, String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"").append(languageTag)
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(HtmlPages.escape(title)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    public static ResponseEntity<String> page(HttpStatus status, String html) {
        return private_(ResponseEntity.status(status)).contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    /** The link is a secret: never cached, never referred on, never indexed. */
    public static ResponseEntity.BodyBuilder private_(ResponseEntity.BodyBuilder builder) {
        return builder.cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex");
    }

    /** The browser's languages; none without the header. */
    public static List<Locale> accepted(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream().map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList();
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    public static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        try {
            return type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** JSON when the first type the caller accepts, by quality, is JSON. */
    public static boolean wantsJson(HttpServletRequest request) {
        MediaType first = firstAccepted(request);
        return first != null && (first.isCompatibleWith(MediaType.APPLICATION_JSON)
                || first.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * A browser: the first type it accepts, by quality, is HTML. It gets the pages, also for errors;
     * any other client gets problem+json for an error.
     */
    public static boolean wantsHtml(HttpServletRequest request) {
        MediaType first = firstAccepted(request);
        return first != null && (first.isCompatibleWith(MediaType.TEXT_HTML)
                || first.isCompatibleWith(MediaType.APPLICATION_XHTML_XML));
    }

    /**
     * A browser opening the page or posting its form: it says so (Sec-Fetch-Mode: navigate, or
     * Sec-Fetch-Dest: document) and asks for HTML first. Its refusals are pages; those of every other
     * client, whatever it accepts, are problem+json.
     */
    public static boolean navigates(HttpServletRequest request) {
        return wantsHtml(request) && ("navigate".equalsIgnoreCase(request.getHeader("Sec-Fetch-Mode"))
                || "document".equalsIgnoreCase(request.getHeader("Sec-Fetch-Dest")));
    }

    /** The caller's most wanted concrete type; null for none, a wildcard or an unreadable header. */
    private static MediaType firstAccepted(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return null;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException unreadable) {
            return null;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        MediaType first = types.isEmpty() ? MediaType.ALL : types.get(0);
        return first.isWildcardType() || first.isWildcardSubtype() ? null : first;
    }
}
