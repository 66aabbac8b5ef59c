package fi.perhekeskus.referral.partner;

import fi.perhekeskus.infra.web.PageTexts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerTextTest {

    @Test
    void everyTextIsThereInEveryLanguageAndAnUnknownStepReadsAsItself() {
        for (PageTexts.Language language : PageTexts.Language.values()) {
            for (PartnerText key : PartnerText.values()) {
                assertThat(PartnerText.TEXTS.in(language).text(key)).as("%s %s", language, key).isNotBlank();
            }
        }
        PageTexts.Localised<PartnerText> sv = PartnerText.TEXTS.in(PageTexts.Language.SV);
        assertThat(PartnerText.step(sv, "HANDOVER_MEETING")).isEqualTo("Överlämningsmöte");
        assertThat(PartnerText.step(sv, "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    }
}
