package fi.perhekeskus.meeting.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.links.FamilyLinkTokens;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.meeting.MeetingServiceIT;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The family answers its invitation itself, by the signed link its invitation mail carries
 * (referral-service mints it with the same derived key): a page in its language, one answer, then 410;
 * a link signed with another secret, or of another invitation, opens nothing.
 */
@MeetingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationLinkIT {

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID SERVICE = UUID.randomUUID();

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

    MeetingApi api;
    ReferralTopic topic;

    @BeforeAll
    void setUp() {
        api = new MeetingApi(http, jdbc, security);
        topic = new ReferralTopic(objectMapper, parties, parties);
        topic.agencies(CLINIC);
        topic.service(SERVICE, CLINIC, List.of("Tampere"));
        await().atMost(Duration.ofSeconds(30)).until(() -> invitees.knowsService(SERVICE));
    }

    @AfterAll
    void tearDown() {
        topic.close();
    }

    @Test
    void theFamilyAnswersYesByItsLinkOnceAndIsEnrolled() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String programme = schedule(start, 10);
        UUID family = family(YearMonth.from(start.atZone(ZoneOffset.UTC)).minusMonths(3));
        Map<String, Object> invitation = invite(programme, family);
        String token = links.invitation(id(programme), UUID.fromString((String) invitation.get("invitationId")), start);

        ResponseEntity<String> page = browser(GET, "/invitation/" + token + "?lang=sv", null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getBody()).contains("<html lang=\"sv\"", "Inbjudan till en familjegrupp", "Meidän vauva",
                "Hervannan perhekeskus", "name=\"answer\" value=\"YES\"").doesNotContain(family.toString());

        ResponseEntity<String> answered = browser(POST, "/invitation/" + token + "?lang=fi", "answer=YES");
        assertThat(answered.getStatusCode().value()).isEqualTo(200);
        assertThat(answered.getBody()).contains("data-state=\"ENROLLED\"", "Tervetuloa ryhmään!");
        Map<String, Object> view = api.expect(200, GET, programme, api.coordinator(), null);
        assertThat(view.toString()).contains(family.toString(), "INVITATION");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(programme, family).equals("ENROLLED"));

        // Once: the page and the post are gone now, for a browser and for any other client.
        assertThat(browser(GET, "/invitation/" + token, null).getStatusCode().value()).isEqualTo(410);
        ResponseEntity<Map> again = json(POST, "/invitation/" + token, Map.of("answer", "NO"));
        assertThat(again.getStatusCode().value()).isEqualTo(410);
        assertThat(again.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(status(programme, family)).isEqualTo("ENROLLED");
        assertThat(answers(programme)).singleElement().asString()
                .contains("invitation-link:" + invitation.get("invitationId"));
    }

    @Test
    void aJsonClientReadsTheInvitationAndDeclines() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String programme = schedule(start, 10);
        UUID family = family(YearMonth.from(start.atZone(ZoneOffset.UTC)).minusMonths(3));
        String token = links.invitation(id(programme),
                UUID.fromString((String) invite(programme, family).get("invitationId")), start);

        ResponseEntity<Map> shown = json(GET, "/invitation/" + token, null);
        assertThat(shown.getStatusCode().value()).isEqualTo(200);
        assertThat(shown.getBody()).containsEntry("programme", "Meidän vauva")
                .containsEntry("firstSessionAt", start.toString()).containsEntry("answers", List.of("YES", "NO"));
        ResponseEntity<Map> declined = json(POST, "/invitation/" + token, Map.of("answer", "NO"));
        assertThat(declined.getStatusCode().value()).isEqualTo(200);
        assertThat(declined.getBody()).containsEntry("status", "DECLINED");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(programme, family).equals("DECLINED"));
    }

    @Test
    void twoAnswersAtOnceCountOnce() throws Exception {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String programme = schedule(start, 10);
        UUID family = family(YearMonth.from(start.atZone(ZoneOffset.UTC)).minusMonths(3));
        String token = links.invitation(id(programme),
                UUID.fromString((String) invite(programme, family).get("invitationId")), start);

        CompletableFuture<ResponseEntity<Map>> yes = CompletableFuture.supplyAsync(
                () -> json(POST, "/invitation/" + token, Map.of("answer", "YES")));
        CompletableFuture<ResponseEntity<Map>> no = CompletableFuture.supplyAsync(
                () -> json(POST, "/invitation/" + token, Map.of("answer", "NO")));

        assertThat(List.of(yes.get().getStatusCode().value(), no.get().getStatusCode().value()))
                .containsExactlyInAnyOrder(200, 410);
        assertThat(answers(programme)).hasSize(1);
    }

    @Test
    void aForgedOrForeignLinkOrABadAnswerOpensNothingAndStoresNothing() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String programme = schedule(start, 10);
        UUID family = family(YearMonth.from(start.atZone(ZoneOffset.UTC)).minusMonths(3));
        UUID invitation = UUID.fromString((String) invite(programme, family).get("invitationId"));
        FamilyLinkTokens otherKey = new FamilyLinkTokens(
                "a secret that is not this platform's, 32+ bytes".getBytes(StandardCharsets.UTF_8));
        String good = links.invitation(id(programme), invitation, start);
        long before = api.storedEvents();

        for (String token : List.of(otherKey.invitation(id(programme), invitation, start),
                links.invitation(id(programme), UUID.randomUUID(), start),
                links.invitation(UUID.randomUUID(), invitation, start),
                links.feedback(id(programme), invitation, family),
                good.substring(0, good.length() - 2) + "AA", "x".repeat(FamilyLinkTokens.MAX_TOKEN_CHARS + 1), "-")) {
            assertThat(json(GET, "/invitation/" + token, null).getStatusCode().value()).as(token).isEqualTo(404);
            ResponseEntity<Map> posted = json(POST, "/invitation/" + token, Map.of("answer", "YES"));
            assertThat(posted.getStatusCode().value()).as(token).isEqualTo(404);
            assertThat(posted.getBody()).containsEntry("status", 404);
        }
        // A link past its end (the expiry it was signed with) answers nothing either.
        String ended = links.invitation(id(programme), invitation, Instant.now().minusSeconds(1));
        assertThat(json(POST, "/invitation/" + ended, Map.of("answer", "YES")).getStatusCode().value()).isEqualTo(410);
        for (Object bad : List.of(Map.of("answer", "MAYBE"), Map.of("answer", 1), Map.of(), List.of("YES"))) {
            ResponseEntity<Map> refused = json(POST, "/invitation/" + good, bad);
            assertThat(refused.getStatusCode().value()).as("%s", bad).isEqualTo(400);
            assertThat(refused.getBody().toString()).contains("answer");
        }
        ResponseEntity<String> browserBad = browser(POST, "/invitation/" + good, "answer=PERHAPS");
        assertThat(browserBad.getStatusCode().value()).isEqualTo(400);
        assertThat(api.storedEvents()).isEqualTo(before);
        assertThat(status(programme, family)).isEqualTo("INVITED");
    }

    // --- helpers -----------------------------------------------------------------------------

    private ResponseEntity<String> browser(HttpMethod method, String path, String form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        headers.add("Sec-Fetch-Mode", "navigate");
        if (form != null) {
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        return http.exchange(path, method, new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<Map> json(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private String schedule(Instant start, int capacity) {
        Map<String, Object> session = Map.of("startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", "Vauvan uni",
                "facilitatorAgencyIds", List.of(CLINIC));
        return "/api/v1/programmes/" + api.created("/api/v1/programmes", api.coordinator(), Map.of(
                "name", "Meidän vauva", "serviceId", SERVICE, "agencyIds", List.of(CLINIC),
                "location", "Hervannan perhekeskus", "capacityFamilies", capacity, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 2, "to", 6), "sessions", List.of(session)));
    }

    private UUID family(YearMonth born) {
        UUID family = topic.family(CLINIC, "Tampere", born);
        topic.consent(family, LocalDate.now(ZoneOffset.UTC).plusYears(1), CLINIC);
        await().atMost(Duration.ofSeconds(30)).until(() -> invitees.knowsFamilyIn(family, "Tampere"));
        return family;
    }

    private Map<String, Object> invite(String programme, UUID family) {
        api.expect(201, POST, programme + "/invitations", api.worker(CLINIC), Map.of("familyIds", List.of(family)));
        return api.list(programme + "/invitations", api.worker(CLINIC)).stream()
                .filter(i -> family.toString().equals(i.get("familyId"))).findFirst().orElseThrow();
    }

    private String status(String programme, UUID family) {
        return (String) api.list(programme + "/invitations", api.worker(CLINIC)).stream()
                .filter(i -> family.toString().equals(i.get("familyId"))).findFirst().orElseThrow().get("status");
    }

    /** The stored InvitationAnswered events of the programme, as JSON text. */
    private List<String> answers(String programme) {
        return jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE '%InvitationAnswered%'", byte[].class, id(programme).toString()).stream()
                .map(p -> new String(p, StandardCharsets.UTF_8)).toList();
    }

    private static UUID id(String programme) {
        return UUID.fromString(programme.substring(programme.lastIndexOf('/') + 1));
    }
}
