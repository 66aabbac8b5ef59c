package fi.perhekeskus.infra.testing.browser;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * axe-core (the {@code org.webjars.npm:axe-core} test dependency) run on the page a browser shows:
 * its script text is evaluated in the page (DevTools evaluation is not subject to the page's
 * Content Security Policy), then {@code axe.run} on the whole document.
 */
public final class Axe {

    public static final String VERSION = "4.6.3";
    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";

    /** What axe found on one page: every violation, and the count per impact. */
    public record Result(List<String> violations, Map<String, Integer> byImpact) {

        /** The violations a user of assistive technology cannot get past: serious and critical. */
        public List<String> seriousOrCritical() {
            return violations.stream().filter(v -> v.contains("(serious)") || v.contains("(critical)")).toList();
        }
    }

    private Axe() {
    }

    public static Result run(DevToolsBrowser browser) throws Exception {
        browser.evaluate(script());
        if (!"string".equals(browser.evaluate("typeof axe.version").asText())) {
            throw new IllegalStateException("axe-core did not load in the page");
        }
        JsonNode found = browser.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))");
        List<String> violations = new ArrayList<>();
        Map<String, Integer> byImpact = new LinkedHashMap<>(Map.of("critical", 0, "serious", 0, "moderate", 0, "minor", 0));
        for (JsonNode violation : found) {
            String text = violation.asText();
            violations.add(text);
            byImpact.replaceAll((impact, n) -> text.contains("(" + impact + ")") ? n + 1 : n);
        }
        return new Result(List.copyOf(violations), byImpact);
    }

    private static String script() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the class path (test dependency org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
