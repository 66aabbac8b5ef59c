package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.infra.web.PageTexts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The form's markup: language, labelled radios in fieldsets, the required questions, and the language choice. */
class FeedbackPageTest {

    private static final String CODE = "AbCdEfGhIjKlMnOpQrStUvWxYz0";

    @Test
    void theFormIsInTheChosenLanguageWithALegendForEachQuestion() {
        String fi = FeedbackPage.form(CODE, FeedbackText.TEXTS.in(PageTexts.Language.FI), false);
        String sv = FeedbackPage.form(CODE, FeedbackText.TEXTS.in(PageTexts.Language.SV), false);
        String en = FeedbackPage.form(CODE, FeedbackText.TEXTS.in(PageTexts.Language.EN), false);

        assertThat(fi).contains("<html lang=\"fi\">").contains("Sopiko kokoontumisen ajankohta teille?")
                .contains("action=\"/feedback/" + CODE + "?lang=fi\"");
        assertThat(sv).contains("<html lang=\"sv\">").contains("Passade lokalerna er?");
        assertThat(en).contains("<html lang=\"en\">").contains("Did the information match your child&#39;s age?");
        assertThat(count(fi, "<fieldset")).isEqualTo(4);
        assertThat(count(fi, "<legend>")).isEqualTo(4);
        assertThat(fi).doesNotContain("id=\"invalid\"").doesNotContain("<script");
    }

    @Test
    void everyRadioAndTheCommentHaveALabelAndOnlyTheThreeQuestionsAreRequired() {
        String html = FeedbackPage.form(CODE, FeedbackText.TEXTS.in(PageTexts.Language.EN), true);
        Matcher inputs = Pattern.compile("<(?:input|textarea) [^>]*id=\"([^\"]+)\"").matcher(html);
        int fields = 0;
        while (inputs.find()) {
            fields++;
            assertThat(html).as("label of %s", inputs.group(1)).contains("<label for=\"" + inputs.group(1) + "\"");
        }
        assertThat(fields).isEqualTo(13);
        assertThat(count(html, " required>")).isEqualTo(9);
        assertThat(html).contains("name=\"premisesSuited\" value=\"YES\">")
                .contains("maxlength=\"2000\"").contains("role=\"alert\"");
    }

    @Test
    void theMessagesAreEscapedPagesOfTheirOwnState() {
        String used = FeedbackPage.message(FeedbackText.TEXTS.in(PageTexts.Language.SV), "used", FeedbackText.USED_TITLE, FeedbackText.USED_TEXT);
        assertThat(used).contains("<html lang=\"sv\">").contains("data-state=\"used\"")
                .contains("Respons har redan getts med den här länken.");
        assertThat(FeedbackPage.escape("<b a=\"1\">&'")).isEqualTo("&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
    }

    @Test
    void theLanguageIsTheParameterThenTheBrowsersThenFinnish() {
        assertThat(FeedbackText.TEXTS.choose("sv", List.of(Locale.ENGLISH))).isEqualTo(FeedbackText.TEXTS.in(PageTexts.Language.SV));
        assertThat(FeedbackText.TEXTS.choose(null, List.of(Locale.GERMAN, Locale.ENGLISH))).isEqualTo(FeedbackText.TEXTS.in(PageTexts.Language.EN));
        assertThat(FeedbackText.TEXTS.choose(null, List.of(Locale.GERMAN))).isEqualTo(FeedbackText.TEXTS.in(PageTexts.Language.FI));
        assertThat(FeedbackText.TEXTS.choose(null, List.of())).isEqualTo(FeedbackText.TEXTS.in(PageTexts.Language.FI));
        assertThatThrownBy(() -> FeedbackText.TEXTS.choose("de", List.of()))
                .isInstanceOf(fi.perhekeskus.infra.web.InvalidFieldException.class);
    }

    @Test
    void onlyCodesOfTheIssuedShapeAreLookedUp() {
        assertThat(FeedbackLinks.wellFormed(CODE)).isTrue();
        assertThat(FeedbackLinks.wellFormed(CODE + "A")).isFalse();
        assertThat(FeedbackLinks.wellFormed(CODE.substring(1))).isFalse();
        assertThat(FeedbackLinks.wellFormed("AbCdEfGhIjKlMnOpQrStUvWxY'0")).isFalse();
        assertThat(FeedbackLinks.wellFormed(null)).isFalse();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
