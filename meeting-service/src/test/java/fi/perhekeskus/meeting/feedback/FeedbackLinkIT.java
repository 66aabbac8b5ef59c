package fi.perhekeskus.meeting.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.links.FamilyLinkTokens;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.infra.testing.Concurrently;
import fi.perhekeskus.meeting.MeetingServiceIT;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The families' own feedback over HTTP: a facilitator asks for links, a family opens the form without
 * a login, answers once (201), and the same link is then 410; an unknown link is 404; the links are
 * refused to whoever does not facilitate the session. Only hashes of the codes are stored, and the
 * comment reaches the facilitators but never an event.
 */
@MeetingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "perhekeskus.feedback.base-url=" + FeedbackLinkIT.BASE + "/")
class FeedbackLinkIT {

    static final String BASE = "https://perhekeskus.example";

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();
    static final UUID FOREIGN = UUID.randomUUID();
    static final String UNKNOWN = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";

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
    FamilyLinkTokens familyLinks;

    MeetingApi api;
    String programme;
    String begun;
    String ahead;

    @BeforeAll
    void programmeWithASessionThatHasBegun() {
        try (ReferralTopic topic = new ReferralTopic(objectMapper, parties, parties)) {
            topic.agencies(CLINIC, NGO, FOREIGN);
        }
        api = new MeetingApi(http, jdbc, security);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant later = start.plus(7, ChronoUnit.DAYS);
        Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(), Map.of(
                "name", "Meidän vauva, Tesoma", "serviceId", UUID.randomUUID(), "agencyIds", List.of(CLINIC, NGO),
                "location", "Tesoman perhekeskus", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", List.of(
                        session(start, "Vauvan uni", List.of(CLINIC)), session(later, "Leikki", List.of(CLINIC)))));
        programme = (String) scheduled.get("id");
        List<String> sessions = (List<String>) scheduled.get("sessionIds");
        begun = sessions.get(0);
        ahead = sessions.get(1);
    }

    @Test
    void aFamilyAnswersOnceByItsLinkAndTheLinkIsThenGone() throws Exception {
        long issuedBefore = jdbc.queryForObject("SELECT count(*) FROM feedback_link", Long.class);
        List<Map<String, Object>> links = issue(begun, 2);
        assertThat(links).hasSize(2);
        String code = (String) links.get(0).get("code");
        URI url = URI.create((String) links.get(0).get("url"));
        assertThat(url).isEqualTo(URI.create(BASE + "/feedback/" + code));
        assertThat(code).matches("[A-Za-z0-9_-]{27}").isNotEqualTo(links.get(1).get("code"));
        // Only the code's hash is kept.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM feedback_link", Long.class)).isEqualTo(issuedBefore + 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM feedback_link WHERE code_hash = sha256(convert_to(?, 'UTF8')) "
                + "AND session_id = ?::uuid AND used_at IS NULL", Long.class, code, begun)).isEqualTo(1);

        ResponseEntity<String> form = page(GET, url.getPath(), null, Map.of());
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(form.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(form.getBody()).contains("<html lang=\"fi\">").contains("name=\"timingSuited\"");
        assertThat(page(GET, url.getPath(), null, Map.of(HttpHeaders.ACCEPT_LANGUAGE, "sv-FI,sv;q=0.9,en;q=0.5"))
                .getBody()).contains("<html lang=\"sv\">");
        assertThat(page(GET, url.getPath() + "?lang=en", null, Map.of(HttpHeaders.ACCEPT_LANGUAGE, "sv")).getBody())
                .contains("<html lang=\"en\">");
        // A bearer token sent along changes nothing; an unreadable language is a 400.
        assertThat(page(GET, url.getPath() + "?lang=de", null, Map.of()).getStatusCode().value()).isEqualTo(400);

        ResponseEntity<String> qr = page(GET, url.getPath() + "/qr.svg", null, Map.of());
        assertThat(qr.getStatusCode().value()).isEqualTo(200);
        assertThat(qr.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
        assertThat(FeedbackQrCodeTest.decode(qr.getBody())).isEqualTo(url.toString());

        long feedbackBefore = feedbackCount();
        MultiValueMap<String, String> answers = new LinkedMultiValueMap<>();
        answers.add("timingSuited", "YES");
        answers.add("contentMetNeeds", "PARTLY");
        answers.add("infoMatchedChildAge", "NO");
        answers.add("premisesSuited", "YES");
        answers.add("comment", "Kiitos Liisalle, ihana ilta");
        // Not answered in full: the form again, and the link stays open.
        MultiValueMap<String, String> partial = new LinkedMultiValueMap<>(answers);
        partial.remove("contentMetNeeds");
        ResponseEntity<String> invalid = form(url.getPath(), partial);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("id=\"invalid\"").contains("id=\"feedback-form\"");

        ResponseEntity<String> thanks = form(url.getPath(), answers);
        assertThat(thanks.getStatusCode().value()).as(thanks.getBody()).isEqualTo(201);
        assertThat(thanks.getBody()).contains("data-state=\"thanks\"").contains("Kiitos palautteestanne!");

        ResponseEntity<String> again = form(url.getPath(), answers);
        assertThat(again.getStatusCode().value()).isEqualTo(410);
        assertThat(again.getBody()).contains("data-state=\"used\"");
        assertThat(page(GET, url.getPath(), null, Map.of()).getStatusCode().value()).isEqualTo(410);
        assertThat(page(GET, url.getPath() + "/qr.svg", null, Map.of()).getStatusCode().value()).isEqualTo(410);
        Map<String, Object> gone = api.refused(410, POST, url.getPath(), null,
                Map.of("timingSuited", "YES", "contentMetNeeds", "YES", "infoMatchedChildAge", "YES"));
        assertThat(gone).containsEntry("detail", "tällä linkillä on jo annettu palaute");

        await().atMost(Duration.ofSeconds(20)).until(() -> feedbackCount() == feedbackBefore + 1);
        List<Map<String, Object>> comments = api.list("/api/v1/sessions/" + begun + "/feedback/comments",
                api.worker(CLINIC));
        assertThat(comments).extracting(c -> c.get("comment")).contains("Kiitos Liisalle, ihana ilta");
        assertThat(storedPayloads()).noneMatch(p -> p.contains("Liisalle"))
                .anyMatch(p -> p.contains("\"premisesSuited\":\"YES\""));
    }

    @Test
    void aJsonClientAnswersWithinTheBoundsAndIsToldOfUsedAndUnknownLinks() {
        List<Map<String, Object>> links = issue(begun, 3);
        String first = URI.create((String) links.get(0).get("url")).getPath();
        String second = URI.create((String) links.get(1).get("url")).getPath();

        Map<String, Object> answers = new HashMap<>(Map.of("timingSuited", "PARTLY", "contentMetNeeds", "YES",
                "infoMatchedChildAge", "YES", "comment", "x".repeat(FeedbackPage.COMMENT_MAX + 1)));
        api.refused(400, POST, first, null, answers);
        api.refused(400, POST, first, null, Map.of("timingSuited", "MAYBE", "contentMetNeeds", "YES",
                "infoMatchedChildAge", "YES"));
        api.refused(400, POST, first, null, Map.of("contentMetNeeds", "YES", "infoMatchedChildAge", "YES"));
        // Text no store can hold (U+0000), in JSON and in a form: refused, and the link stays open.
        Map<String, Object> nul = api.refused(400, POST, first, null, Map.of("timingSuited", "YES",
                "contentMetNeeds", "YES", "infoMatchedChildAge", "YES", "comment", "kiitos\u0000"));
        assertThat((List<Map<String, Object>>) nul.get("errors")).extracting(e -> e.get("field")).containsExactly("comment");
        MultiValueMap<String, String> nulForm = new LinkedMultiValueMap<>();
        nulForm.add("timingSuited", "YES");
        nulForm.add("contentMetNeeds", "YES");
        nulForm.add("infoMatchedChildAge", "YES");
        nulForm.add("comment", "kiitos\u0000");
        assertThat(form(first, nulForm).getStatusCode().value()).isEqualTo(400);
        answers.put("comment", "x".repeat(FeedbackPage.COMMENT_MAX));
        Map<String, Object> created = api.expect(201, POST, first, null, answers);
        assertThat(created).containsKey("id");
        api.refused(410, POST, first, null, answers);
        // Without the optional answers.
        api.expect(201, POST, second, null, Map.of("timingSuited", "NO", "contentMetNeeds", "NO",
                "infoMatchedChildAge", "PARTLY"));

        Map<String, Object> unknown = api.refused(404, POST, "/feedback/" + UNKNOWN, null, answers);
        assertThat(unknown).containsEntry("detail", "palautelinkkiä ei ole");
        api.refused(404, POST, "/feedback/not-a-code", null, answers);
        ResponseEntity<String> unknownPage = page(GET, "/feedback/" + UNKNOWN, null, Map.of());
        assertThat(unknownPage.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownPage.getBody()).contains("data-state=\"unknown\"").contains("<html lang=\"fi\">");
        ResponseEntity<String> unknownJson = page(GET, "/feedback/" + UNKNOWN, null,
                Map.of(HttpHeaders.ACCEPT, "application/json"));
        assertThat(unknownJson.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownJson.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(page(GET, "/feedback/" + UNKNOWN + "/qr.svg", null, Map.of()).getStatusCode().value()).isEqualTo(404);
        // A client asking for HTML that is not a browser's navigation gets the platform's problem+json.
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> notABrowser = http.exchange("/feedback/" + UNKNOWN, GET, new HttpEntity<>(html),
                String.class);
        assertThat(notABrowser.getStatusCode().value()).isEqualTo(404);
        assertThat(notABrowser.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void aFamilysMailedLinkAnswersOnceAndAnotherFamilysStaysOpen() throws Exception {
        UUID family = UUID.randomUUID();
        UUID otherFamily = UUID.randomUUID();
        // As referral-service mints them into the families' mail after the session.
        String mailed = "/feedback/" + familyLinks.feedback(UUID.fromString(programme), UUID.fromString(begun), family);
        String otherMailed = "/feedback/" + familyLinks.feedback(UUID.fromString(programme), UUID.fromString(begun),
                otherFamily);
        Map<String, Object> answers = Map.of("timingSuited", "YES", "contentMetNeeds", "PARTLY",
                "infoMatchedChildAge", "YES");
        long before = api.storedEvents();

        assertThat(page(GET, mailed + "?lang=sv", null, Map.of()).getBody()).contains("<html lang=\"sv\">",
                "name=\"timingSuited\"");
        List<Integer> statuses = Concurrently.all(4, () -> api.call(POST, mailed, null, answers).getStatusCode().value());
        assertThat(statuses).containsOnly(201, 410).filteredOn(s -> s == 201).hasSize(1);
        api.refused(410, POST, mailed, null, answers);
        assertThat(page(GET, mailed, null, Map.of()).getStatusCode().value()).isEqualTo(410);
        api.expect(201, POST, otherMailed, null, answers);
        assertThat(api.storedEvents() - before).isEqualTo(2);
        // Nothing stored ties the feedback to the family: the link's row holds its hash and the session.
        assertThat(storedPayloads()).noneMatch(p -> p.contains(family.toString()) || p.contains(otherFamily.toString()));
        assertThat(jdbc.queryForList("SELECT issued_by FROM feedback_link WHERE code_hash = sha256(convert_to(?, 'UTF8'))",
                String.class, mailed.substring("/feedback/".length()))).containsExactly("family-mail");

        // Signed with another key: no link of ours. Signed for a session the programme does not have: no session.
        FamilyLinkTokens otherKey = new FamilyLinkTokens(
                "a secret that is not this platform's, 32+ bytes".getBytes(StandardCharsets.UTF_8));
        api.refused(404, POST, "/feedback/" + otherKey.feedback(UUID.fromString(programme), UUID.fromString(begun),
                family), null, answers);
        api.refused(404, POST, "/feedback/" + familyLinks.feedback(UUID.fromString(programme), UUID.randomUUID(),
                family), null, answers);
    }

    @Test
    void twoPostsOfTheSameCodeAtOnceCountOnce() throws Exception {
        String path = URI.create((String) issue(begun, 1).get(0).get("url")).getPath();
        long before = api.storedEvents();

        List<Integer> statuses = Concurrently.all(6, () -> api.call(POST, path, null, Map.of("timingSuited", "YES",
                "contentMetNeeds", "YES", "infoMatchedChildAge", "YES")).getStatusCode().value());

        assertThat(statuses).containsOnly(201, 410).filteredOn(s -> s == 201).hasSize(1);
        assertThat(api.storedEvents() - before).isEqualTo(1);
    }

    @Test
    void aLinkToASessionCancelledMeanwhileIsRefusedAndStaysOpen() {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(), Map.of(
                "name", "Meidän vauva, Lukonmäki", "serviceId", UUID.randomUUID(), "agencyIds", List.of(CLINIC),
                "location", "Lukonmäki", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 6),
                "sessions", List.of(session(start, "Vauvan uni", List.of(CLINIC)))));
        String cancelled = ((List<String>) scheduled.get("sessionIds")).get(0);
        String path = URI.create((String) issue(cancelled, 1).get(0).get("url")).getPath();
        assertThat(api.call(POST, "/api/v1/programmes/" + scheduled.get("id") + "/sessions/" + cancelled + "/cancel",
                api.coordinator(), Map.of("reasonCode", "FACILITATOR_UNAVAILABLE")).getStatusCode().value()).isEqualTo(204);
        Map<String, Object> answers = Map.of("timingSuited", "YES", "contentMetNeeds", "YES",
                "infoMatchedChildAge", "YES");

        api.refused(409, POST, path, null, answers);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        answers.forEach((k, v) -> fields.add(k, (String) v));
        ResponseEntity<String> page = form(path, fields);
        assertThat(page.getStatusCode().value()).isEqualTo(409);
        assertThat(page.getBody()).contains("data-state=\"refused\"");
        // The refused answer did not spend the link.
        assertThat(page(GET, path, null, Map.of()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void linksAreCountedWithinTheirBound() {
        String path = "/api/v1/sessions/" + begun + "/feedback-links";
        api.refused(400, POST, path, api.worker(CLINIC), Map.of("count", 0));
        api.refused(400, POST, path, api.worker(CLINIC), Map.of("count", 101));
        api.refused(400, POST, path, api.worker(CLINIC), Map.of());
        assertThat(issue(begun, 100)).hasSize(100);
        assertThat(issue(begun, 1)).hasSize(1);
    }

    @Test
    void linksAreRefusedToWhoeverDoesNotFacilitateTheSessionAndBeforeItBegins() {
        String path = "/api/v1/sessions/" + begun + "/feedback-links";
        Map<String, Object> body = Map.of("count", 1);
        long before = jdbc.queryForObject("SELECT count(*) FROM feedback_link", Long.class);

        api.refused(401, POST, path, null, body);
        api.refused(404, POST, path, api.worker(FOREIGN), body);
        // An agency of the programme that does not facilitate this session.
        api.refused(403, POST, path, api.worker(NGO), body);
        api.refused(403, POST, path, api.coordinator(), body);
        api.refused(403, POST, path, api.analyst(), body);
        api.refused(404, POST, "/api/v1/sessions/" + UUID.randomUUID() + "/feedback-links", api.worker(CLINIC), body);
        api.refused(422, POST, "/api/v1/sessions/" + ahead + "/feedback-links", api.worker(CLINIC), body);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM feedback_link", Long.class)).isEqualTo(before);
    }

    private List<Map<String, Object>> issue(String session, int count) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(api.worker(CLINIC));
        ResponseEntity<List> response = http.exchange("/api/v1/sessions/" + session + "/feedback-links", POST,
                new HttpEntity<>(Map.of("count", count), headers), List.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }

    private ResponseEntity<String> page(HttpMethod method, String path, Object body, Map<String, String> extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        headers.set("Sec-Fetch-Mode", "navigate");
        extra.forEach(headers::set);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> form(String path, MultiValueMap<String, String> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        headers.set("Sec-Fetch-Mode", "navigate");
        return http.exchange(path, POST, new HttpEntity<>(fields, headers), String.class);
    }

    private long feedbackCount() {
        Map<String, Object> detail = api.expect(200, GET, "/api/v1/programmes/" + programme, api.worker(CLINIC), null);
        return ((Number) detail.get("feedbackCount")).longValue();
    }

    private List<String> storedPayloads() {
        return jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?", byte[].class,
                programme).stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
    }

    private static Map<String, Object> session(Instant start, String topic, List<UUID> facilitators) {
        return Map.of("startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", topic,
                "facilitatorAgencyIds", facilitators);
    }
}
