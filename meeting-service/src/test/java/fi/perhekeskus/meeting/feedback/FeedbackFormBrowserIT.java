package fi.perhekeskus.meeting.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.infra.testing.browser.Axe;
import fi.perhekeskus.infra.testing.browser.DevToolsBrowser;
import fi.perhekeskus.meeting.MeetingServiceIT;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

/**
 * The feedback form in a real headless Chromium (Debian's) at a phone's width: a parent with only the
 * link sees the form in Swedish, cannot send it unanswered, answers by tapping the labels, and is
 * thanked; the same link then says the feedback was given. No script, no policy violation, nothing
 * wider than the screen, every field labelled.
 */
@MeetingServiceIT
class FeedbackFormBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            + "e.violatedDirective + ' ' + e.blockedURI));";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecuritySettings security;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    KnownParties parties;

    @Test
    void aParentAnswersOnAPhoneWithOnlyTheLink() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        UUID clinic = UUID.randomUUID();
        try (ReferralTopic topic = new ReferralTopic(objectMapper, parties, parties)) {
            topic.agencies(clinic);
        }
        MeetingApi api = new MeetingApi(http, jdbc, security);
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(), Map.of(
                "name", "Vår baby, Hervanta", "serviceId", UUID.randomUUID(), "agencyIds", List.of(clinic),
                "location", "Hervanta", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", List.of(Map.of("startsAt", start.toString(),
                        "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", "Sömn",
                        "facilitatorAgencyIds", List.of(clinic)))));
        String programme = (String) scheduled.get("id");
        String session = ((List<String>) scheduled.get("sessionIds")).get(0);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(api.worker(clinic));
        ResponseEntity<List> issued = http.exchange("/api/v1/sessions/" + session + "/feedback-links", POST,
                new HttpEntity<>(Map.of("count", 1), headers), List.class);
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        String path = URI.create((String) ((Map<String, Object>) issued.getBody().get(0)).get("url")).getPath();

        try (DevToolsBrowser browser = new DevToolsBrowser(CHROMIUM)) {
            for (String domain : List.of("Page", "Runtime", "Network")) {
                browser.send(domain + ".enable", Map.of());
            }
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740,
                    "deviceScaleFactor", 2, "mobile", true));
            browser.send("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", "sv-FI,sv;q=0.9")));
            browser.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATIONS));
            browser.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + path));
            awaitState(browser, "open");

            assertThat(browser.evaluate("document.documentElement.lang").asText()).isEqualTo("sv");
            assertThat(browser.evaluate("document.querySelector('#q-timingSuited legend').textContent").asText())
                    .startsWith("Passade tidpunkten");
            assertThat(browser.evaluate("document.scripts.length").asInt()).isZero();
            assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean()).isTrue();
            // Every field has a label; every group of radios is a fieldset with a legend.
            assertThat(browser.evaluate("[...document.querySelectorAll('input, textarea')]"
                    + ".every(f => f.labels.length === 1 && f.labels[0].textContent.trim().length > 0)").asBoolean()).isTrue();
            assertThat(browser.evaluate("[...document.querySelectorAll('input[type=radio]')]"
                    + ".every(r => r.closest('fieldset') && r.closest('fieldset').querySelector('legend'))").asBoolean())
                    .isTrue();
            Axe.Result axe = Axe.run(browser);
            System.out.println("axe-core on the feedback form: " + axe.byImpact());
            assertThat(axe.seriousOrCritical()).as("axe-core on the feedback form: serious or critical").isEmpty();
            // Tap targets a finger can hit.
            assertThat(browser.evaluate("[...document.querySelectorAll('.choice')]"
                    + ".every(c => c.getBoundingClientRect().height >= 40)").asBoolean()).isTrue();

            // Unanswered, the browser keeps the form: nothing is sent.
            browser.evaluate("document.querySelector('#feedback-form button').click()");
            assertThat(browser.evaluate("document.getElementById('feedback-form').checkValidity()").asBoolean()).isFalse();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM feedback_link WHERE session_id = ?::uuid "
                    + "AND used_at IS NOT NULL", Long.class, session)).isZero();

            for (String choice : List.of("timingSuited-YES", "contentMetNeeds-PARTLY", "infoMatchedChildAge-YES",
                    "premisesSuited-NO")) {
                browser.evaluate("document.querySelector('label[for=\"" + choice + "\"]').click()");
            }
            assertThat(browser.evaluate("document.getElementById('contentMetNeeds-PARTLY').checked").asBoolean()).isTrue();
            browser.evaluate("document.getElementById('comment').value = 'Tack, <b>bra</b> kväll'");
            Files.write(Path.of("target", "feedback-form.png").toAbsolutePath(), Base64.getDecoder().decode(
                    browser.send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                            .path("data").asText()));
            browser.evaluate("document.querySelector('#feedback-form button').click()");
            awaitState(browser, "thanks");
            assertThat(browser.evaluate("document.documentElement.lang").asText()).isEqualTo("sv");
            assertThat(browser.evaluate("document.querySelector('h1').textContent").asText())
                    .isEqualTo("Tack för er respons!");
            assertThat(Axe.run(browser).seriousOrCritical()).as("axe-core on the thanks page").isEmpty();
            assertThat(browser.evaluate("window.__violations.length").asInt()).isZero();

            browser.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + path));
            awaitState(browser, "used");
            assertThat(browser.evaluate("window.__violations.length").asInt()).isZero();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.expect(200, org.springframework.http.HttpMethod.GET, "/api/v1/programmes/" + programme,
                        api.worker(clinic), null)).containsEntry("feedbackCount", 1));
        assertThat(api.list("/api/v1/sessions/" + session + "/feedback/comments", api.worker(clinic)))
                .extracting(c -> c.get("comment")).containsExactly("Tack, <b>bra</b> kväll");
    }

    private static void awaitState(DevToolsBrowser browser, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                browser.evaluate("document.readyState === 'complete' && !!document.getElementById('feedback') && "
                        + "document.getElementById('feedback').dataset.state === '" + state + "'").asBoolean());
    }
}
