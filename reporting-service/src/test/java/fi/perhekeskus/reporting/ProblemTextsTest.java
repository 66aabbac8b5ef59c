package fi.perhekeskus.reporting;

import fi.perhekeskus.infra.testing.ProblemTextCoverage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal this service writes reaches the caller in Finnish and Swedish too. */
class ProblemTextsTest {

    @Test
    void everyMessageIsInFinnishAndSwedish() {
        assertThat(ProblemTextCoverage.messages(Path.of("src/main/java"))).isNotEmpty();
        assertThat(ProblemTextCoverage.untranslated(Path.of("src/main/java"))).isEmpty();
    }
}
