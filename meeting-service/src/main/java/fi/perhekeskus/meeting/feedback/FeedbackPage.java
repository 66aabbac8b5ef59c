package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.infra.web.HtmlPages;
import fi.perhekeskus.meeting.familylink.FamilyPages;


/**
 * The families' feedback form and the pages that answer it. No script; one style sheet allowed by its
 * hash; each question a fieldset whose legend is the question and whose radios have labels; laid out
 * for a phone first. Every value written into the page is escaped.
 */
final class FeedbackPage {

    static final int COMMENT_MAX = 2000;

    /** The pages' policy: nothing loads or runs but their own style sheet. */
    static final String CONTENT_SECURITY_POLICY = FamilyPages.CONTENT_SECURITY_POLICY;

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
        return FamilyPages.head(lang.tag(), title);
    }

    static String escape(String text) {
        return HtmlPages.escape(text);
    }
}
