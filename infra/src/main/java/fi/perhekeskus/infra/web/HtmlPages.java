package fi.perhekeskus.infra.web;

import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the server-rendered pages (the finder, the partner page, the feedback form, the access report)
 * share: text escaped for HTML, and their one inline style sheet allowed by its hash in the page's
 * Content Security Policy, so that nothing else may style or run.
 */
public final class HtmlPages {

    private HtmlPages() {
    }

    /** The text with {@code < > & " '} escaped: safe in an element and in a quoted attribute. */
    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    /** The CSP source that allows exactly this style sheet: {@code 'sha256-…'} without the quotes. */
    public static String styleHash(String styleSheet) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(styleSheet.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
