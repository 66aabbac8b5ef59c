package fi.perhekeskus.infra.web;

import fi.perhekeskus.infra.testing.ProblemTextCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemLanguageTest {

    private final ProblemLanguage catalogue = ProblemLanguage.shared();

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | fi", "'' | fi", "sv | sv", "sv-FI | sv", "en-GB,en;q=0.8 | en", "de-DE,en;q=0.5 | en",
            "de | fi", "fi-FI,sv;q=0.9 | fi", "sv;q=0.1,en;q=0.9 | en", "*;;q=x | fi", "ÿ | fi"})
    void theCallersLanguageIsItsFirstChoiceAmongFinnishSwedishAndEnglish(String acceptLanguage, String expected) {
        assertThat(ProblemLanguage.of(acceptLanguage).getLanguage()).isEqualTo(expected);
    }

    @Test
    void anOverlongHeaderIsFinnish() {
        assertThat(ProblemLanguage.of("en,".repeat(100))).isEqualTo(ProblemLanguage.FINNISH);
    }

    @Test
    void aFixedTextIsTranslated() {
        assertThat(catalogue.translate("your role does not allow this", ProblemLanguage.SWEDISH))
                .isEqualTo(new ProblemLanguage.Text("din roll tillåter inte detta", ProblemLanguage.SWEDISH));
        assertThat(catalogue.translate("your role does not allow this", Locale.ENGLISH).text())
                .isEqualTo("your role does not allow this");
    }

    @Test
    void theValuesInAMessageAreKeptInItsTranslation() {
        assertThat(catalogue.translate("size must be between 1 and 200", ProblemLanguage.FINNISH).text())
                .isEqualTo("koon on oltava välillä 1–200");
        assertThat(catalogue.translate("must be one of [GREEN, YELLOW, RED]", ProblemLanguage.SWEDISH).text())
                .isEqualTo("måste vara ett av [GREEN, YELLOW, RED]");
    }

    @Test
    void anUnknownMessageStaysEnglishAndSaysSo() {
        assertThat(catalogue.translate("a message no one listed", ProblemLanguage.FINNISH))
                .isEqualTo(new ProblemLanguage.Text("a message no one listed", Locale.ENGLISH));
    }

    @Test
    void aProblemIsLocalisedWholeTitleDetailAndFieldMessages() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request is not valid");
        problem.setProperties(Map.of("errors", List.of(new ProblemDetailsAdvice.FieldError("name", "must not be blank"))));

        Locale language = catalogue.localise(problem, ProblemLanguage.FINNISH);

        assertThat(language).isEqualTo(ProblemLanguage.FINNISH);
        assertThat(problem.getTitle()).isEqualTo("Virheellinen pyyntö");
        assertThat(problem.getDetail()).isEqualTo("pyyntö ei ole kelvollinen");
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new ProblemDetailsAdvice.FieldError("name", "ei saa olla tyhjä")));
    }

    @Test
    void aProblemWithAnUnknownTextIsMarkedEnglish() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "something new");

        assertThat(catalogue.localise(problem, ProblemLanguage.SWEDISH)).isEqualTo(Locale.ENGLISH);
        assertThat(problem.getTitle()).isEqualTo("Konflikt");
    }

    @Test
    void everyTextHasTheSameKeysAndValuesInEveryLanguage() {
        Map<String, Map<String, String>> texts = ProblemLanguage.load(getClass().getClassLoader()).texts();
        Map<String, String> english = texts.get("en");
        assertThat(english).isNotEmpty();
        for (String language : List.of("fi", "sv")) {
            assertThat(texts.get(language).keySet()).as(language).isEqualTo(english.keySet());
            english.forEach((key, text) -> assertThat(placeholders(texts.get(language).get(key)))
                    .as("%s %s", language, key).isEqualTo(placeholders(text)));
        }
    }

    @Test
    void everyMessageOfThisModuleIsInFinnishAndSwedish() {
        assertThat(ProblemTextCoverage.messages(Path.of("src/main/java"))).hasSizeGreaterThan(5);
        assertThat(ProblemTextCoverage.untranslated(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void everyFixedTextIsInFinnishAndSwedish() {
        List<String> fixed = new java.util.ArrayList<>(List.of(FirewallRejections.DETAIL, ProblemTexts.INVALID,
                ProblemTexts.NOT_FOUND, ProblemTexts.UNEXPECTED));
        for (HttpStatus status : HttpStatus.values()) {
            if (status.isError()) {
                fixed.add(ProblemTexts.detailOf(status));
            }
        }
        for (String text : fixed) {
            for (Locale language : List.of(ProblemLanguage.FINNISH, ProblemLanguage.SWEDISH)) {
                assertThat(catalogue.translate(text, language).language()).as("%s: %s", language, text).isEqualTo(language);
            }
        }
    }

    private static java.util.Set<String> placeholders(String text) {
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        return m.results().map(r -> r.group()).collect(Collectors.toSet());
    }
}
