package fi.perhekeskus.meeting.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.links.FamilyLinkTokens;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.POST;

/**
 * The invitation's page in a real headless Chromium (Debian's) at a phone's width: a parent with only
 * the link from the mail sees the programme in English, taps yes and is welcomed; the same link then
 * says the invitation was answered. No script, no policy violation, nothing wider than the screen,
 * nothing serious for axe-core.
 */
@MeetingServiceIT
class InvitationPageBrowserIT {

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
    @Autowired
    Invitees invitees;
    @Autowired
    FamilyLinkTokens links;

    @Test
    void aParentAnswersYesOnAPhoneWithOnlyTheLink() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        UUID clinic = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        UUID family;
        try (ReferralTopic topic = new ReferralTopic(objectMapper, parties, parties)) {
            topic.agencies(clinic);
            topic.service(service, clinic, List.of("Tampere"));
            family = topic.family(clinic, "Tampere", YearMonth.from(start.atZone(ZoneOffset.UTC)).minusMonths(3));
            topic.consent(family, LocalDate.now(ZoneOffset.UTC).plusYears(1), clinic);
        }
        UUID theFamily = family;
        await().atMost(Duration.ofSeconds(30)).until(() -> invitees.knowsFamilyIn(theFamily, "Tampere"));
        MeetingApi api = new MeetingApi(http, jdbc, security);
        String programme = "/api/v1/programmes/" + api.created("/api/v1/programmes", api.coordinator(), Map.of(
                "name", "Our baby, Hervanta", "serviceId", service, "agencyIds", List.of(clinic),
                "location", "Hervanta family centre", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 2, "to", 6), "sessions", List.of(Map.of("startsAt", start.toString(),
                        "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", "Sleep",
                        "facilitatorAgencyIds", List.of(clinic)))));
        api.expect(201, POST, programme + "/invitations", api.worker(clinic), Map.of("familyIds", List.of(family)));
        UUID invitation = UUID.fromString((String) api.list(programme + "/invitations", api.worker(clinic)).get(0)
                .get("invitationId"));
        String path = "/invitation/" + links.invitation(UUID.fromString(programme.substring(programme.lastIndexOf('/') + 1)),
                invitation, start) + "?lang=en";

        try (DevToolsBrowser browser = new DevToolsBrowser(CHROMIUM)) {
            for (String domain : List.of("Page", "Runtime", "Network")) {
                browser.send(domain + ".enable", Map.of());
            }
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740,
                    "deviceScaleFactor", 2, "mobile", true));
            browser.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATIONS));
            browser.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + path));
            awaitState(browser, "open");

            assertThat(browser.evaluate("document.documentElement.lang").asText()).isEqualTo("en");
            assertThat(browser.evaluate("document.body.innerText").asText())
                    .contains("Invitation to a family group", "Our baby, Hervanta", "Hervanta family centre");
            assertThat(browser.evaluate("document.scripts.length").asInt()).isZero();
            assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean()).isTrue();
            assertThat(browser.evaluate("[...document.querySelectorAll('button')]"
                    + ".every(b => b.getBoundingClientRect().height >= 40)").asBoolean()).isTrue();
            Axe.Result axe = Axe.run(browser);
            System.out.println("axe-core on the invitation page: " + axe.byImpact());
            assertThat(axe.seriousOrCritical()).as("axe-core on the invitation page: serious or critical").isEmpty();
            Files.write(Path.of("target", "invitation-page.png").toAbsolutePath(), Base64.getDecoder().decode(
                    browser.send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                            .path("data").asText()));

            browser.evaluate("document.getElementById('answer-YES').click()");
            awaitState(browser, "ENROLLED");
            assertThat(browser.evaluate("document.querySelector('h1').textContent").asText())
                    .isEqualTo("Welcome to the group!");
            assertThat(Axe.run(browser).seriousOrCritical()).as("axe-core on the answer's page").isEmpty();

            browser.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + path));
            awaitState(browser, "closed");
            assertThat(browser.evaluate("window.__violations.length").asInt()).isZero();
        }
        assertThat(api.list(programme + "/invitations", api.worker(clinic)).get(0)).containsEntry("status", "ENROLLED");
    }

    private static void awaitState(DevToolsBrowser browser, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                browser.evaluate("document.readyState === 'complete' && !!document.getElementById('invitation') && "
                        + "document.getElementById('invitation').dataset.state === '" + state + "'").asBoolean());
    }
}
