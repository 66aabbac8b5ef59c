package fi.perhekeskus.referral.accessreport;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.MeetingRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.TOKENS;
import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The family's right-of-access report: every read and disclosure, referral-service's own and
 * meeting-service's (read from the meeting topic), in fi, sv and en, as a page and as CSV.
 */
@ReferralServiceIT
class AccessReportIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private MeetingRecords meetings;
    private UUID clinic;
    private UUID counselling;
    private UUID family;
    private UUID consent;
    private UUID referral;
    private String report;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        meetings = new MeetingRecords();
        clinic = api.agency("Oriveden neuvola", "Orivesi");
        counselling = api.agency("Oriveden perheneuvola", "Orivesi");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        family = api.family(clinic, "Kaisa", "Heinonen", "131052-308T", "1952-10-13");
        consent = api.consent(family, clinic, List.of(counselling), LocalDate.now().plusMonths(3).toString());
        referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "jaksaminen", "needLevel", "YELLOW", "priority", "ROUTINE"));
        report = "/api/v1/families/" + family + "/access-report";
    }

    @AfterEach
    void tearDown() {
        meetings.close();
    }

    private ResponseEntity<String> get(String path, String token, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void theReportListsReadsAndDisclosuresWithTheirBasisInThreeLanguages() {
        // The receiver reads the referral, and the family's record on the consent.
        assertThat(get("/api/v1/referrals/" + referral, worker(counselling), null).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/families/" + family, worker(counselling), null).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> fi = get(report + "?lang=fi", Api.coordinator(), "text/html");
        assertThat(fi.getStatusCode().value()).isEqualTo(200);
        assertThat(fi.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(fi.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(AccessReportPage.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(fi.getBody()).contains("<html lang=\"fi\">", "Tietojen käyttö ja luovutukset", "Luovutus", "Käyttö",
                "Oriveden perheneuvola (" + counselling + ")", "consent " + consent, "referral " + referral,
                "family record", "right-of-access report (html)")
                .doesNotContain("Kaisa", "Heinonen", "131052");

        ResponseEntity<String> sv = get(report + "?lang=sv", Api.coordinator(), null);
        assertThat(sv.getBody()).contains("<html lang=\"sv\">", "Användning och utlämnande av uppgifter", "Utlämnande");
        ResponseEntity<String> en = get(report + "?lang=en", Api.coordinator(), null);
        assertThat(en.getBody()).contains("<html lang=\"en\">", "Use and disclosure of data", "Disclosure");

        ResponseEntity<String> csv = get(report + "?lang=en", Api.coordinator(), "text/csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).isEqualTo("Time,Event,Agency,Worker,What,Basis,Outcome,Disclosed to agency,Referral");
        assertThat(csv.getBody()).contains("Disclosure", "consent " + consent, "right-of-access report (csv)");
        // Each report lists itself: two more lines per report, newest first.
        assertThat(lines[1]).contains("right-of-access report (csv)");
        ResponseEntity<String> csvFi = get(report + "?lang=fi", Api.coordinator(), "text/csv");
        assertThat(csvFi.getBody().split("\r\n")[0]).startsWith("Aika,Tapahtuma,Toimija,Työntekijä,Mitä,Peruste");
    }

    @Test
    void callerTextIsEscapedInThePageAndNeutralisedInTheCsv() {
        String purpose = "=HYPERLINK(\"http://x\")<script>alert(1)</script>";
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(worker(clinic));
        // Encoded here, once: a URI is sent as it is.
        java.net.URI uri = java.net.URI.create(http.getRootUri() + "/api/v1/families/" + family + "?purpose="
                + java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(http.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value())
                .isEqualTo(200);

        String page = get(report + "?lang=en", Api.coordinator(), null).getBody();
        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String csv = get(report + "?lang=en", Api.coordinator(), "text/csv").getBody();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")<script>").doesNotContain(",=HYPERLINK");
    }

    @Test
    void meetingServicesEnrolmentsAndNetworkMeetingsAreDisclosuresToo() {
        UUID programme = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        Instant now = Instant.now();
        meetings.publish(programme, new ProgrammeScheduled(programme, "Meidän vauva", UUID.randomUUID(),
                List.of(clinic, counselling), "Orivesi", 10, 8, 0, 12, List.of(new ProgrammeScheduled.Session(
                UUID.randomUUID(), now.plusSeconds(86_400), now.plusSeconds(93_600), "Vauva perheessä",
                List.of(clinic))), "coordinator-1", now));
        String enrolment = meetings.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.SELF, null,
                false, "worker-clinic", now));
        meetings.publish(meeting, new NetworkMeetingHeld(meeting, family, List.of(clinic, counselling),
                LocalDate.now(), List.of("SLEEP"), List.of(new NetworkMeetingHeld.AgreedAction(counselling,
                new Sealed("v1.c2VhbGVkLWFjdGlvbi1pbi10ZXN0cw"), LocalDate.now().plusDays(7))), "worker-clinic", now));
        // Redelivered: recorded once.
        meetings.publish(enrolment, programme, new FamilyEnrolled(programme, family, EnrolmentSource.SELF, null,
                false, "worker-clinic", now));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(meetingDisclosures()).isEqualTo(4));
        String page = get(report + "?lang=en", Api.coordinator(), null).getBody();
        assertThat(page).contains("group programme " + programme + " enrolment, SELF (meeting-service)",
                "network meeting " + meeting + " (meeting-service)", "Oriveden perheneuvola (" + counselling + ")",
                "consent " + consent);
        assertThat(meetingDisclosures()).as("redelivery changes nothing").isEqualTo(4);
    }

    private long meetingDisclosures() {
        return jdbc.queryForObject("SELECT count(*) FROM access_log WHERE family_id = ? AND kind = 'DISCLOSURE' "
                + "AND purpose LIKE '%(meeting-service)'", Long.class, family);
    }

    @Test
    void anErasedFamilysReportStillListsItsAccesses() {
        get("/api/v1/families/" + family, worker(clinic), null);
        api.call(HttpMethod.DELETE, "/api/v1/families/" + family, Api.coordinator(), null);

        String page = get(report + "?lang=en", Api.coordinator(), null).getBody();
        assertThat(page).contains("The family&#39;s personal data was erased", "Erasure", "family record",
                "<td>" + referral + "</td>", "registering agency");
    }

    @Test
    void onlyACoordinatorGetsTheReportInALanguageItHas() {
        assertThat(get(report + "?lang=de", Api.coordinator(), null).getStatusCode().value()).isEqualTo(400);
        assertThat(get(report + "?lang=de", Api.coordinator(), null).getBody()).contains("lang");
        assertThat(get(report, worker(clinic), null).getStatusCode().value()).isEqualTo(403);
        assertThat(get(report, TOKENS.analyst("analyst-1"), null).getStatusCode().value()).isEqualTo(403);
        assertThat(get(report, null, null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/api/v1/families/" + UUID.randomUUID() + "/access-report", Api.coordinator(), null)
                .getStatusCode().value()).isEqualTo(404);
    }
}
