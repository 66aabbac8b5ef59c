package fi.perhekeskus.referral.finder;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.testing.browser.Axe;
import fi.perhekeskus.infra.testing.browser.DevToolsBrowser;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The finder in a real headless Chromium (Debian's) at a phone's width: it fits the screen, its form
 * filters as a family would use it, it breaks no rule of its Content Security Policy, and axe-core
 * run inside the page finds no serious or critical accessibility violation, in each language.
 */
@ReferralServiceIT
class FinderBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int PHONE_WIDTH = 375;
    private static final String VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            + "e.violatedDirective + ' ' + e.blockedURI));";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void aFamilyFindsAGroupOnItsPhoneAndThePageIsAccessible() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        FinderData data = new FinderData().create(new Api(http), objectMapper);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/?municipality=" + data.town, String.class)
                .contains(data.programmeName));
        try (DevToolsBrowser browser = new DevToolsBrowser(CHROMIUM)) {
            for (String domain : List.of("Page", "Runtime")) {
                browser.send(domain + ".enable", Map.of());
            }
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 812,
                    "deviceScaleFactor", 2, "mobile", true));
            browser.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATIONS));
            load(browser, "http://127.0.0.1:" + port + "/?lang=fi");

            // Fits a phone: no sideways scrolling, and the form's controls are large enough to touch.
            assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(PHONE_WIDTH);
            assertThat(browser.evaluate("Math.min(...[...document.querySelectorAll('select, button')]"
                    + ".map(e => e.getBoundingClientRect().height))").asDouble()).isGreaterThanOrEqualTo(44);
            assertThat(browser.evaluate("document.scripts.length").asInt()).isZero();

            // The family picks its town and a baby's age, and sends the form.
            browser.evaluate("(() => { document.getElementById('municipality').value = " + quoted(data.town) + ";"
                    + " document.getElementById('age').value = '0';"
                    + " document.querySelector('form button[type=submit]').click(); })()");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser.evaluate(
                    "document.readyState === 'complete' && location.search.includes('age=0')").asBoolean());
            String text = browser.evaluate("document.body.innerText").asText();
            assertThat(text).contains(data.babyGroup, data.programmeName, data.cafe).doesNotContain(data.counselling,
                    FinderData.FAMILY_NAME);
            assertThat(browser.evaluate("document.getElementById('municipality').value").asText()).isEqualTo(data.town);
            assertAccessible(browser);

            for (String lang : List.of("sv", "en")) {
                browser.evaluate("document.querySelector('a[hreflang=" + lang + "]').click()");
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser.evaluate(
                        "document.readyState === 'complete' && document.documentElement.lang === '" + lang + "'").asBoolean());
                assertThat(browser.evaluate("location.search").asText()).contains("age=0");
                assertAccessible(browser);
            }
            assertThat(violations(browser)).isEmpty();
        }
    }

    private static void load(DevToolsBrowser browser, String url) throws Exception {
        browser.send("Page.navigate", Map.of("url", url));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser.evaluate(
                "document.readyState === 'complete' && !!document.querySelector('main')").asBoolean());
    }

    private void assertAccessible(DevToolsBrowser browser) throws Exception {
        Axe.Result axe = Axe.run(browser);
        System.out.println("axe-core on the finder: " + axe.byImpact());
        assertThat(axe.seriousOrCritical()).as("axe-core violations, serious or critical").isEmpty();
    }

    private String quoted(String text) throws Exception {
        return objectMapper.writeValueAsString(text);
    }

    private static List<String> violations(DevToolsBrowser browser) throws Exception {
        List<String> found = new ArrayList<>();
        browser.evaluate("window.__violations").forEach(v -> found.add(v.asText()));
        return found;
    }
}
