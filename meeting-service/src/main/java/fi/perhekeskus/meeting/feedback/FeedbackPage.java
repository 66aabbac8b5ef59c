package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.infra.web.HtmlPages;


/**
 * The families' feedback form and the pages that answer it. No script; one style sheet allowed by its
 * hash; each question a fieldset whose legend is the question and whose radios have labels; laid out
 * for a phone first. Every value written into the page is escaped.
 */
final class FeedbackPage {

    static final int COMMENT_MAX = 2000;

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fafafa;"
            + "line-height:1.4}main{max-width:40em;margin:0 auto;padding:1em}h1{font-size:1.4em}"
            + "fieldset{background:#fff;border:1px solid #bbb;border-radius:6px;margin:.8em 0;padding:.6em .8em}"
            + "legend{font-weight:600;padding:0 .3em}.choice{display:flex;align-items:center;gap:.5em;"
            + "min-height:2.6em}.choice input{width:1.4em;height:1.4em;margin:0}label{cursor:pointer}"
            + "textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5em;min-height:6em}"
            + "button{font:inherit;width:100%;margin-top:.6em;background:#00703c;color:#fff;border:0;border-radius:4px;"
            + "min-height:2.8em}.notice{background:#fde8e8;border-left:4px solid #b00;padding:.6em}"
            + "small{color:#444}";

    /** Nothing may load or run but the page's own style sheet; the form posts only back to this service. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private FeedbackPage() {
    }

    static String form(String code, FeedbackLanguage lang, boolean invalid) {
        StringBuilder html = head(lang, lang.text("title"));
        html.append("<main id=\"feedback\" data-state=\"open\">\n<h1>").append(escape(lang.text("title")))
                .append("</h1>\n<p>").append(escape(lang.text("intro"))).append("</p>\n");
        if (invalid) {
            html.append("<p class=\"notice\" id=\"invalid\" role=\"alert\">").append(escape(lang.text("invalid")))
                    .append("</p>\n");
        }
        html.append("<form id=\"feedback-form\" method=\"post\" action=\"/feedback/").append(escape(code))
                .append("?lang=").append(lang.tag()).append("\" accept-charset=\"UTF-8\">\n");
        question(html, lang, "timingSuited", true);
        question(html, lang, "contentMetNeeds", true);
        question(html, lang, "infoMatchedChildAge", true);
        question(html, lang, "premisesSuited", false);
        html.append("<label for=\"comment\">").append(escape(lang.text("comment"))).append(" <small>(")
                .append(escape(lang.text("optional"))).append(")</small></label>\n")
                .append("<textarea id=\"comment\" name=\"comment\" maxlength=\"").append(COMMENT_MAX)
                .append("\" aria-describedby=\"comment-hint\"></textarea>\n")
                .append("<p id=\"comment-hint\"><small>").append(escape(lang.text("commentHint"))).append("</small></p>\n")
                .append("<button type=\"submit\">").append(escape(lang.text("submit"))).append("</button>\n")
                .append("</form>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page with a heading and a sentence: thanks, used, unknown or refused. */
    static String message(FeedbackLanguage lang, String state, String titleKey, String textKey) {
        StringBuilder html = head(lang, lang.text(titleKey));
        return html.append("<main id=\"feedback\" data-state=\"").append(state).append("\">\n<h1>")
                .append(escape(lang.text(titleKey))).append("</h1>\n<p>").append(escape(lang.text(textKey)))
                .append("</p>\n</main>\n</body>\n</html>\n").toString();
    }

    private static void question(StringBuilder html, FeedbackLanguage lang, String name, boolean required) {
        // A radio group may say it is required; a plain fieldset (role group) may not.
        html.append("<fieldset id=\"q-").append(name).append("\" role=\"radiogroup\"")
                .append(required ? " aria-required=\"true\"" : "")
                .append(">\n<legend>").append(escape(lang.text(name))).append(" <small>(")
                .append(escape(lang.text(required ? "required" : "optional"))).append(")</small></legend>\n");
        for (Answer answer : Answer.values()) {
            String id = name + "-" + answer.name();
            html.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                    .append(name).append("\" value=\"").append(answer.name()).append("\"")
                    .append(required ? " required" : "").append("><label for=\"").append(id).append("\">")
                    .append(escape(lang.text(answer.name()))).append("</label></div>\n");
        }
        html.append("</fieldset>\n");
    }

    private static StringBuilder head(FeedbackLanguage lang, String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    static String escape(String text) {
        return HtmlPages.escape(text);
    }

    private static String sha256(String text) {
        return HtmlPages.styleHash(text);
    }
}
