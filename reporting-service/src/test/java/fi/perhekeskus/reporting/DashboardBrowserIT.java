package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium (Debian's): it loads offline (every asset from this
 * service), signs in with a token, renders its three charts, and switches language. A screenshot is
 * kept under target/.
 */
@ReportingServiceIT
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void theDashboardRendersItsChartsInEachLanguage() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (./run test installs it)").exists();
        UUID programme = publishPilot();
        String token = LocalSecrets.forTests().tokens().analyst("analyst-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> dom(token, "fi").contains("Meidän vauva"));

        String finnish = dom(token, "fi");
        String swedish = dom(token, "sv");

        for (String chart : List.of("referral-chart", "reach-chart", "feedback-chart")) {
            assertThat(finnish).containsPattern("id=\"" + chart + "\"[^>]*data-rendered=\"true\"");
        }
        assertThat(finnish).contains("<svg", "Palaute", "Tieto vastasi lapsen ikää", "62 %", "38 %");
        assertThat(swedish).contains("Respons", "Informationen passade barnets ålder").doesNotContain("Tieto vastasi");
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        run("--screenshot=" + screenshot, "--window-size=1400,1200", url(token, "fi"));
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        assertThat(programme).isNotNull();
    }

    private String url(String token, String lang) {
        return "http://127.0.0.1:" + port + "/#token=" + token + "&lang=" + lang;
    }

    private String dom(String token, String lang) throws Exception {
        return run("--dump-dom", url(token, lang));
    }

    private String run(String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private UUID publishPilot() {
        UUID programme = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        Instant start = Instant.parse("2025-10-07T15:00:00Z");
        List<ProgrammeScheduled.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant at = start.plus(7L * i, ChronoUnit.DAYS);
            sessions.add(new ProgrammeScheduled.Session(UUID.randomUUID(), at, at.plus(2, ChronoUnit.HOURS), "ilta", List.of(clinic)));
        }
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(programme, new ProgrammeScheduled(programme, "Meidän vauva", UUID.randomUUID(), List.of(clinic),
                    "Hervanta", 20, 20, 0, 6, sessions, "c", start), start);
            List<GroupSessionHeld.Attendance> came = new ArrayList<>();
            for (int f = 0; f < 13; f++) {
                UUID family = UUID.randomUUID();
                events.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.REFERRAL, UUID.randomUUID(),
                        false, "w", start), start);
                came.add(new GroupSessionHeld.Attendance(family, f < 9 ? 2 : 1, f < 9 ? 1 : 0, 1));
            }
            events.publish(programme, new GroupSessionHeld(programme, sessions.get(0).sessionId(), came, "w", start), start);
            for (int f = 0; f < 13; f++) {
                events.publish(programme, new FeedbackGiven(programme, sessions.get(0).sessionId(), UUID.randomUUID(),
                        Answer.YES, Answer.YES, f < 8 ? Answer.YES : Answer.PARTLY, null, start), start);
            }
        }
        return programme;
    }
}
