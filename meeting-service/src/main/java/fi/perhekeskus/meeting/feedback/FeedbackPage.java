package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.infra.web.HtmlPages;
import fi.perhekeskus.infra.web.PageTexts;
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

    static String form(String code, PageTexts.Localised<FeedbackText> lang, boolean invalid) {
        StringBuilder html = head(lang, lang.text(FeedbackText.TITLE));
        html.append("<main id=\"feedback\" data-state=\"open\">\n<h1>").append(escape(lang.text(FeedbackText.TITLE)))
                .append("</h1>\n<p>").append(escape(lang.text(FeedbackText.INTRO))).append("</p>\n");
        if (invalid) {
            html.append("<p class=\"notice\" id=\"invalid\" role=\"alert\">").append(escape(lang.text(FeedbackText.INVALID)))
                    .append("</p>\n");
        }
        html.append("<form id=\"feedback-form\" method=\"post\" action=\"/feedback/").append(escape(code))
                .append("?lang=").append(lang.tag()).append("\" accept-charset=\"UTF-8\">\n");
        question(html, lang, "timingSuited", FeedbackText.TIMING_SUITED, true);
        question(html, lang, "contentMetNeeds", FeedbackText.CONTENT_MET_NEEDS, true);
        question(html, lang, "infoMatchedChildAge", FeedbackText.INFO_MATCHED_CHILD_AGE, true);
        question(html, lang, "premisesSuited", FeedbackText.PREMISES_SUITED, false);
        html.append("<label for=\"comment\">").append(escape(lang.text(FeedbackText.COMMENT))).append(" <small>(")
                .append(escape(lang.text(FeedbackText.OPTIONAL))).append(")</small></label>\n")
                .append("<textarea id=\"comment\" name=\"comment\" maxlength=\"").append(COMMENT_MAX)
                .append("\" aria-describedby=\"comment-hint\"></textarea>\n")
                .append("<p id=\"comment-hint\"><small>").append(escape(lang.text(FeedbackText.COMMENT_HINT))).append("</small></p>\n")
                .append("<button type=\"submit\">").append(escape(lang.text(FeedbackText.SUBMIT))).append("</button>\n")
                .append("</form>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page with a heading and a sentence: thanks, used, unknown or refused. */
    static String message(PageTexts.Localised<FeedbackText> lang, String state, FeedbackText titleKey, FeedbackText textKey) {
        StringBuilder html = head(lang, lang.text(titleKey));
        return html.append("<main id=\"feedback\" data-state=\"").append(state).append("\">\n<h1>")
                .append(escape(lang.text(titleKey))).append("</h1>\n<p>").append(escape(lang.text(textKey)))
                .append("</p>\n</main>\n</body>\n</html>\n").toString();
    }

    private static void question(StringBuilder html, PageTexts.Localised<FeedbackText> lang, String name, FeedbackText key, boolean required) {
        // A radio group may say it is required; a plain fieldset (role group) may not.
        html.append("<fieldset id=\"q-").append(name).append("\" role=\"radiogroup\"")
                .append(required ? " aria-required=\"true\"" : "")
                .append(">\n<legend>").append(escape(lang.text(key))).append(" <small>(")
                .append(escape(lang.text(required ? FeedbackText.REQUIRED : FeedbackText.OPTIONAL))).append(")</small></legend>\n");
        for (Answer answer : Answer.values()) {
            String id = name + "-" + answer.name();
            html.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                    .append(name).append("\" value=\"").append(answer.name()).append("\"")
                    .append(required ? " required" : "").append("><label for=\"").append(id).append("\">")
                    .append(escape(lang.text(FeedbackText.of(answer)))).append("</label></div>\n");
        }
        html.append("</fieldset>\n");
    }

    private static StringBuilder head(PageTexts.Localised<FeedbackText> lang, String title) {
        return FamilyPages.head(lang.tag(), title);
    }

    static String escape(String text) {
        return HtmlPages.escape(text);
    }
}
