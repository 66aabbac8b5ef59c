package fi.perhekeskus.infra.web;

import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What the server-rendered pages (the finder, the partner page, the feedback form, the access report)
 * share: text escaped for HTML, and their one inline style sheet allowed by its hash in the page's
 * Content Security Policy, so that nothing else may style or run.
 */
public final class HtmlPages {

    private HtmlPages() {
    }

    /**
     * A page's language, fi, sv or en: {@code ?lang=} when given (anything else is a 400 naming
     * {@code lang}), else the first of the browser's languages among them, else Finnish.
     */
    public static String language(String lang, List<Locale> accepted) {
        if (lang != null) {
            String asked = lang.toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(asked)) {
                throw new InvalidFieldException("lang", "must be one of fi, sv, en");
            }
            return asked;
        }
        return accepted.stream().map(l -> l.getLanguage().toLowerCase(Locale.ROOT)).filter(LANGUAGES::contains)
                .findFirst().orElse("fi");
    }

    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

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
