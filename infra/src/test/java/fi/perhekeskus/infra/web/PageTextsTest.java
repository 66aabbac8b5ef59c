package fi.perhekeskus.infra.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTextsTest {

    enum Key { TITLE, INTRO }

    private static final PageTexts<Key> TEXTS = new PageTexts<>(Key.class,
            Map.of(Key.TITLE, "Otsikko", Key.INTRO, "Johdanto"),
            Map.of(Key.TITLE, "Rubrik", Key.INTRO, "Inledning"),
            Map.of(Key.TITLE, "Title", Key.INTRO, "Introduction"));

    @Test
    void theParameterWinsThenTheBrowsersOrderThenFinnish() {
        assertThat(TEXTS.choose("sv", List.of(Locale.ENGLISH)).tag()).isEqualTo("sv");
        assertThat(TEXTS.choose("EN", List.of()).tag()).isEqualTo("en");
        assertThat(TEXTS.choose(null, List.of(Locale.GERMAN, Locale.ENGLISH, new Locale("sv"))).tag()).isEqualTo("en");
        assertThat(TEXTS.choose(null, List.of(new Locale("sv", "FI"), Locale.ENGLISH)).tag()).isEqualTo("sv");
        assertThat(TEXTS.choose(null, List.of(Locale.GERMAN)).tag()).isEqualTo("fi");
        assertThat(TEXTS.choose(null, List.of()).language()).isEqualTo(PageTexts.Language.FI);
        assertThatThrownBy(() -> TEXTS.choose("de", List.of())).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void eachLanguageHasItsOwnTexts() {
        assertThat(TEXTS.in(PageTexts.Language.FI).text(Key.TITLE)).isEqualTo("Otsikko");
        assertThat(TEXTS.in(PageTexts.Language.SV).text(Key.INTRO)).isEqualTo("Inledning");
        assertThat(TEXTS.in(PageTexts.Language.EN).text(Key.TITLE)).isEqualTo("Title");
    }

    @Test
    void aTableWithAMissingOrBlankTextIsRefused() {
        Map<Key, String> full = Map.of(Key.TITLE, "a", Key.INTRO, "b");
        assertThatThrownBy(() -> new PageTexts<>(Key.class, full, Map.of(Key.TITLE, "a"), full))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sv").hasMessageContaining("INTRO");
        assertThatThrownBy(() -> new PageTexts<>(Key.class, full, full, Map.of(Key.TITLE, "a", Key.INTRO, " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("en");
    }
}
