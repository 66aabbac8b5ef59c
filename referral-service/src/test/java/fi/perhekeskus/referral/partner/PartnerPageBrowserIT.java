package fi.perhekeskus.referral.partner;

import fi.perhekeskus.infra.testing.browser.Axe;
import fi.perhekeskus.infra.testing.browser.DevToolsBrowser;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partner page in a real headless Chromium (Debian's) at a phone's width: a parish worker with
 * only the link clicks through receive, accept, start and complete, and after each the page shows
 * the new state and offers exactly the next moves, with no script and no policy violation.
 */
@ReferralServiceIT
@TestPropertySource(properties = PartnerLinkIT.SHORT_DAYS)
class PartnerPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            + "e.violatedDirective + ' ' + e.blockedURI));";
    private static final String NAME = "Diakoni <b>Liisa</b>";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @Test
    void aPartnerWithOnlyTheLinkClosesTheLoopOnAPhone() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        Api api = new Api(http);
        UUID clinic = api.agency("Tesoman neuvola", "Tampere");
        UUID parish = api.agency("Tesoman seurakunta", "Tampere");
        UUID service = api.service(parish, "Perhekerho", "INDIVIDUAL");
        UUID family = api.family(clinic, "Ella", "Niemi", "120391-932P", "1991-03-12");
        api.consent(family, clinic, List.of(parish), LocalDate.now().plusYears(1).toString());
        UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "Yksinhuoltaja kaipaa vertaistukea", "needLevel", "GREEN",
                "priority", "ROUTINE"));
        ResponseEntity<Map> issued = api.call(HttpMethod.POST, "/api/v1/referrals/" + referral + "/partner-link",
                worker(clinic), Map.of("validDays", 30));
        String path = URI.create((String) issued.getBody().get("url")).getPath();

        try (DevToolsBrowser browser = new DevToolsBrowser(CHROMIUM)) {
            for (String domain : List.of("Page", "Runtime", "Network")) {
                browser.send(domain + ".enable", Map.of());
            }
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 2, "mobile", true));
            browser.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATIONS));
            browser.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + path + "?lang=fi"));
            awaitStatus(browser, "REQUESTED");
            assertThat(moves(browser)).isEqualTo("receive");
            assertThat(text(browser, "#reason")).isEqualTo("Yksinhuoltaja kaipaa vertaistukea");
            assertThat(browser.evaluate("document.scripts.length").asInt()).isZero();
            // Laid out for the phone: nothing wider than its screen.
            assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean()).isTrue();
            assertAccessible(browser, "the partner page with its moves");

            submit(browser, "receive");
            awaitStatus(browser, "RECEIVED");
            assertThat(moves(browser)).isEqualTo("accept decline redirect");

            browser.evaluate("document.getElementById('accept-responsibleWorker').value = " + json(NAME));
            submit(browser, "accept");
            awaitStatus(browser, "ACCEPTED");
            assertThat(moves(browser)).isEqualTo("start hold redirect");
            // The name is shown as text, not as markup.
            assertThat(text(browser, "#responsible-worker")).isEqualTo(NAME);
            assertThat(browser.evaluate("document.querySelectorAll('#referral b').length").asInt()).isZero();

            submit(browser, "start");
            awaitStatus(browser, "IN_PROGRESS");
            assertThat(moves(browser)).isEqualTo("complete hold redirect");

            browser.evaluate("document.getElementById('complete-outcome').value = 'PARTLY_MET'");
            browser.evaluate("document.getElementById('complete-note').value = 'Kävi kerhossa kolme kertaa'");
            submit(browser, "complete");
            awaitStatus(browser, "COMPLETED");
            assertThat(moves(browser)).isEmpty();
            assertThat(text(browser, "#outcome")).isEqualTo("Tavoite saavutettiin osin");
            assertThat(browser.evaluate("!!document.getElementById('no-moves')").asBoolean()).isTrue();
            assertThat(browser.evaluate("[...document.querySelectorAll('#history li')].length").asInt()).isEqualTo(5);

            Path screenshot = Path.of("target", "partner-page.png").toAbsolutePath();
            Files.write(screenshot, Base64.getDecoder().decode(
                    browser.send("Page.captureScreenshot", Map.of("format", "png")).path("data").asText()));
            assertThat(browser.evaluate("window.__violations.length").asInt()).isZero();
            assertAccessible(browser, "the partner page of a completed referral");
        }
        Map<String, Object> detail = api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(clinic), null);
        assertThat(detail).containsEntry("status", "COMPLETED").containsEntry("outcome", "PARTLY_MET")
                .containsEntry("completionNote", "Kävi kerhossa kolme kertaa").containsEntry("responsibleWorker", NAME);
    }

    private static void submit(DevToolsBrowser browser, String move) throws Exception {
        browser.evaluate("document.querySelector('#move-" + move + " button').click()");
    }

    private static void awaitStatus(DevToolsBrowser browser, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                browser.evaluate("document.readyState === 'complete' && !!document.getElementById('referral') && "
                        + "document.getElementById('referral').dataset.status === '" + status + "'").asBoolean());
    }

    private static String moves(DevToolsBrowser browser) throws Exception {
        return browser.evaluate("[...document.querySelectorAll('form')].map(f => f.id.substring(5)).join(' ')").asText();
    }

    private static String text(DevToolsBrowser browser, String selector) throws Exception {
        return browser.evaluate("document.querySelector('" + selector + "').textContent").asText();
    }

    private static String json(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void assertAccessible(DevToolsBrowser browser, String page) throws Exception {
        Axe.Result axe = Axe.run(browser);
        System.out.println("axe-core on " + page + ": " + axe.byImpact());
        assertThat(axe.seriousOrCritical()).as("axe-core on %s: serious or critical", page).isEmpty();
    }
}
