package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.infra.web.PageTexts;
import fi.perhekeskus.meeting.programme.AnswerOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationPageTest {

    @Test
    void everyTextIsThereInEveryLanguageAndEveryAnswerHasItsPage() {
        for (PageTexts.Language language : PageTexts.Language.values()) {
            PageTexts.Localised<InvitationPage.Text> texts = InvitationPage.TEXTS.in(language);
            for (InvitationPage.Text key : InvitationPage.Text.values()) {
                assertThat(texts.text(key)).as("%s %s", language, key).isNotBlank();
            }
        }
        String page = InvitationPage.message(InvitationPage.TEXTS.in(PageTexts.Language.SV), "WAITLISTED",
                InvitationPage.title(AnswerOutcome.WAITLISTED), InvitationPage.text(AnswerOutcome.WAITLISTED));
        assertThat(page).contains("<html lang=\"sv\">").contains("data-state=\"WAITLISTED\"").contains("Ni står i kö")
                .contains("Gruppen är full. Ni får ett meddelande när en plats blir ledig.");
    }
}
