package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.ProgrammesPlanned;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.testing.browser.Axe;
import fi.perhekeskus.infra.testing.browser.DevToolsBrowser;
import fi.perhekeskus.reporting.support.EventPublisher;
import fi.perhekeskus.reporting.web.SecurityHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium (Debian's), driven over the DevTools protocol: it loads
 * offline (every asset from this service) under its Content Security Policy, signs in with a token,
 * renders its three charts, and switches language; server strings reach it as text only. A
 * screenshot is kept under target/.
 */
@ReportingServiceIT
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String MARKUP_NAME = "Vauvaperhe <img src=x onerror=window.__xss=1>";
    /** Records every CSP violation the page reports, from before its first script runs. */
    private static final String VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            + "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void theDashboardRendersItsChartsInEachLanguage() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        // A name of its own: other tests of this JVM publish programmes called "Meidän vauva" too.
        String pilot = "Meidän vauva " + UUID.randomUUID().toString().substring(0, 8);
        publishPilot(pilot, 13);
        String token = LocalSecrets.forTests().tokens().analyst("analyst-1");
        try (DevToolsBrowser browser = open(token, "fi")) {
            // The pilot's feedback may still be arriving: choose again (the page fetches afresh) until it shows.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                choose(browser, pilot);
                assertThat(text(browser, "feedback-chart")).contains("62 %", "38 %");
            });
            for (String chart : List.of("referral-chart", "reach-chart", "feedback-chart")) {
                assertThat(browser.evaluate("document.getElementById('" + chart + "').dataset.rendered").asText())
                        .isEqualTo("true");
                assertThat(browser.evaluate("!!document.querySelector('#" + chart + " svg')").asBoolean()).isTrue();
            }
            assertThat(browser.evaluate("document.body.innerText").asText()).contains("Palaute");
            assertThat(text(browser, "feedback-chart")).contains("Tieto vastasi lapsen ikää");

            browser.evaluate("document.querySelector('[data-lang=sv]').click()");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(text(browser, "feedback-chart")).contains("Informationen passade barnets ålder")
                            .doesNotContain("Tieto vastasi"));
            assertThat(browser.evaluate("document.body.innerText").asText()).contains("Respons");

            Axe.Result axe = Axe.run(browser);
            System.out.println("axe-core on the dashboard: " + axe.byImpact());
            assertThat(axe.seriousOrCritical()).as("axe-core on the dashboard: serious or critical").isEmpty();
            Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
            Files.write(screenshot, Base64.getDecoder().decode(
                    browser.send("Page.captureScreenshot", Map.of("format", "png")).path("data").asText()));
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
            assertThat(violations(browser)).isEmpty();
        }
    }

    @Test
    void serverStringsReachThePageAsTextUnderAStrictPolicy() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        publishPilot(MARKUP_NAME, 3);
        String token = LocalSecrets.forTests().tokens().analyst("analyst-1");
        try (DevToolsBrowser browser = open(token, "en")) {
            choose(browser, MARKUP_NAME);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    browser.evaluate("document.getElementById('feedback-chart').dataset.rendered").asText().equals("true"));

            assertThat(browser.evaluate("[...document.querySelectorAll('#programme option')].some(o => o.textContent === "
                    + objectMapper.writeValueAsString(MARKUP_NAME) + ")").asBoolean()).isTrue();
            assertThat(browser.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
            assertThat(browser.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
            // Its 3 enrolled families are a small count: drawn as "<5", not as a bar of 0.
            assertThat(browser.evaluate("[...document.querySelectorAll('#reach-chart text')].map(t => t.textContent).join('|')")
                    .asText()).contains("<5");

            JsonNode document = browser.events("Network.responseReceived").stream()
                    .filter(e -> "Document".equals(e.path("type").asText())).findFirst().orElseThrow();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            document.path("response").path("headers").fields()
                    .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            assertThat(headers).containsEntry("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)
                    .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Referrer-Policy", "no-referrer");
            assertThat(violations(browser)).isEmpty();
            assertThat(browser.events("Log.entryAdded")).noneSatisfy(entry ->
                    assertThat(entry.path("entry").path("text").asText()).containsIgnoringCase("Content Security Policy"));

            // The policy is in force: markup put into the page by other means runs no handler, and is reported.
            browser.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__probe=1\">')");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(violations(browser)).isNotEmpty());
            assertThat(browser.evaluate("typeof window.__probe").asText()).isEqualTo("undefined");
        }
    }

    @Test
    void theYearlyScorecardShowsThePlanAndSmallCountsAsMarkersNeverAsZero() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        String organizer = "Pirkkalan kunta " + UUID.randomUUID().toString().substring(0, 8);
        String service = "Isäryhmä " + UUID.randomUUID().toString().substring(0, 8);
        publishPlannedSeries(organizer, service, 3);
        String token = LocalSecrets.forTests().tokens().analyst("analyst-1");
        try (DevToolsBrowser browser = open(token, "en")) {
            String rows = "[...document.querySelectorAll('#plan tbody tr')].map(r => [...r.children]"
                    + ".map(c => c.textContent).join('/')).join('|')";
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.evaluate("document.getElementById('organizer').value = " + objectMapper.writeValueAsString(organizer)
                        + "; document.getElementById('year').value = '2025'; document.getElementById('refresh').click()");
                // Planned 2 series of 8; one scheduled, none held; its 3 families (the card's too) read "<5".
                assertThat(browser.evaluate(rows).asText()).isEqualTo(service + "/2/16/1/0/<5");
            });
            String card = browser.evaluate("[...document.querySelectorAll('#scorecard tbody tr')].map(r => [...r.children]"
                    + ".map(c => c.textContent).join('=')).join('|')").asText();
            assertThat(card).contains("Families enrolled=<5", "Programmes=1", "Families planned=8")
                    .doesNotContain("Families enrolled=0");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    browser.evaluate("document.getElementById('plan-chart').dataset.rendered").asText()).isEqualTo("true"));
            assertThat(text(browser, "plan-chart")).contains("<5");

            browser.evaluate("document.querySelector('[data-lang=sv]').click()");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.evaluate(
                    "document.getElementById('scorecard-panel').innerText").asText())
                    .contains("Årets resultatkort", "Anmälda familjer\t<5"));
            assertThat(violations(browser)).isEmpty();
        }
    }

    private void publishPlannedSeries(String organizer, String serviceName, int families) {
        UUID agency = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        Instant start = Instant.parse("2025-11-04T15:00:00Z");
        ProgrammeScheduled.Session session = new ProgrammeScheduled.Session(UUID.randomUUID(), start,
                start.plus(2, ChronoUnit.HOURS), "ilta", List.of(agency));
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(agency, new AgencyRegistered(agency, "Pirkkalan perhekeskus", OrganizerType.MUNICIPALITY,
                    organizer, "Pirkkala", List.of("Pirkkala"), "c", start), start);
            events.publish(service, new ServiceListed(service, agency, serviceName, ServiceKind.GROUP, NeedLevel.GREEN,
                    0, 24, List.of("Pirkkala"), List.of("fi"), null, "c", start), start);
            events.publish(plan, new ProgrammesPlanned(plan, service, 2025, 2, 8, "c", start), start);
            events.publish(programme, new ProgrammeScheduled(programme, serviceName, service, List.of(agency), "Pirkkala",
                    8, 8, 0, 24, List.of(session), "c", start), start);
            for (int f = 0; f < families; f++) {
                events.publish(programme, new FamilyEnrolled(programme, UUID.randomUUID(), EnrolmentSource.SELF, null,
                        false, "w", start), start);
            }
        }
    }

    private DevToolsBrowser open(String token, String lang) throws Exception {
        DevToolsBrowser browser = new DevToolsBrowser(CHROMIUM);
        for (String domain : List.of("Page", "Runtime", "Network", "Log")) {
            browser.send(domain + ".enable", Map.of());
        }
        browser.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATIONS));
        browser.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/#token=" + token + "&lang=" + lang));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser.evaluate(
                "location.protocol === 'http:' && document.readyState === 'complete' && !!document.getElementById('refresh')")
                .asBoolean());
        return browser;
    }

    /** Chooses a programme in the feedback panel, as a user would, once the overview lists it. */
    private void choose(DevToolsBrowser browser, String name) throws Exception {
        String quoted = objectMapper.writeValueAsString(name);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.evaluate("document.getElementById('refresh').click()");
            return browser.evaluate("[...document.querySelectorAll('#programme option')].some(o => o.textContent === "
                    + quoted + ")").asBoolean();
        });
        browser.evaluate("(() => { const s = document.getElementById('programme');"
                + " s.value = [...s.options].find(o => o.textContent === " + quoted + ").value;"
                + " s.dispatchEvent(new Event('change')); })()");
    }

    private static String text(DevToolsBrowser browser, String chart) throws Exception {
        return browser.evaluate("[...document.querySelectorAll('#" + chart + " text')].map(t => t.textContent).join('|')")
                .asText();
    }

    private static List<String> violations(DevToolsBrowser browser) throws Exception {
        List<String> found = new ArrayList<>();
        browser.evaluate("window.__violations").forEach(v -> found.add(v.asText()));
        return found;
    }

    private UUID publishPilot(String name, int families) {
        UUID programme = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        Instant start = Instant.parse("2025-10-07T15:00:00Z");
        List<ProgrammeScheduled.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant at = start.plus(7L * i, ChronoUnit.DAYS);
            sessions.add(new ProgrammeScheduled.Session(UUID.randomUUID(), at, at.plus(2, ChronoUnit.HOURS), "ilta", List.of(clinic)));
        }
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(programme, new ProgrammeScheduled(programme, name, UUID.randomUUID(), List.of(clinic),
                    "Hervanta", 20, 20, 0, 6, sessions, "c", start), start);
            List<GroupSessionHeld.Attendance> came = new ArrayList<>();
            for (int f = 0; f < families; f++) {
                UUID family = UUID.randomUUID();
                events.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.REFERRAL, UUID.randomUUID(),
                        false, "w", start), start);
                came.add(new GroupSessionHeld.Attendance(family, f < 9 ? 2 : 1, f < 9 ? 1 : 0, 1));
            }
            events.publish(programme, new GroupSessionHeld(programme, sessions.get(0).sessionId(), came, "w", start), start);
            for (int f = 0; f < families; f++) {
                events.publish(programme, new FeedbackGiven(programme, sessions.get(0).sessionId(), UUID.randomUUID(),
                        Answer.YES, Answer.YES, f < 8 ? Answer.YES : Answer.PARTLY, null, start), start);
            }
        }
        return programme;
    }
}
