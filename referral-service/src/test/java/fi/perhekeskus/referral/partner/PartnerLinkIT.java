package fi.perhekeskus.referral.partner;

import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.kafka.CloudEvents;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.privacy.AccessLog;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.TopicWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.TOKENS;
import static fi.perhekeskus.referral.support.Api.coordinator;
import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner links over HTTP on the real infrastructure: who may hand one out, the receiver's whole
 * loop through the link with JSON, the sender seeing what came of it, and every way a link stops
 * opening the referral (expired, revoked, superseded, forged: 404). A day of validity lasts two
 * seconds here, so that a one-day link expires within the test.
 */
@ReferralServiceIT
@TestPropertySource(properties = PartnerLinkIT.SHORT_DAYS)
class PartnerLinkIT {

    static final String SHORT_DAYS = "perhekeskus.partner.link-day=PT2S";
    static final String REASON = "Äiti uupunut, toivoo keskusteluapua";
    static final String WORKER_NAME = "Seurakunnan diakoni Liisa";
    static final String COMPLETION = "Kolme tapaamista, perhe jatkaa vertaisryhmässä";

    @Autowired
    TestRestTemplate http;
    @Autowired
    AccessLog accessLog;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    Api api;
    UUID clinic;
    UUID parish;
    UUID foreign;
    UUID service;
    UUID family;

    @BeforeEach
    void network() {
        api = new Api(http);
        clinic = api.agency("Lielahden neuvola", "Tampere");
        parish = api.agency("Tampereen seurakuntayhtymä, diakonia", "Tampere");
        foreign = api.agency("Lempäälän perhetyö", "Lempäälä");
        service = api.service(parish, "Diakonian perhetyö", "INDIVIDUAL");
        family = api.family(clinic, "Helmi", "Lahtinen", "010190-903T", "1990-01-01");
        api.consent(family, clinic, List.of(parish), LocalDate.now().plusYears(1).toString());
    }

    UUID referral() {
        return api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", REASON, "needLevel", "YELLOW", "priority", "ROUTINE"));
    }

    @Test
    void onlyTheSenderOrACoordinatorHandsOutALink() {
        String path = "/api/v1/referrals/" + referral() + "/partner-link";
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.DELETE)) {
            assertProblem(api.call(method, path, worker(parish), Map.of()), 403);
            assertProblem(api.call(method, path, worker(foreign), Map.of()), 404);
            assertProblem(api.call(method, path, TOKENS.analyst("analyst-1"), Map.of()), 403);
            assertProblem(api.call(method, path, null, Map.of()), 401);
            assertProblem(api.call(method, "/api/v1/referrals/" + UUID.randomUUID() + "/partner-link",
                    worker(clinic), Map.of()), 404);
        }
        assertProblem(api.call(HttpMethod.POST, path, worker(clinic), Map.of("validDays", 0)), 400);
        assertProblem(api.call(HttpMethod.POST, path, worker(clinic), Map.of("validDays", 31)), 400);
        assertProblem(api.call(HttpMethod.POST, path, worker(clinic), Map.of("validDays", "many")), 400);

        ResponseEntity<Map> byDefault = api.call(HttpMethod.POST, path, worker(clinic), null);
        assertThat(byDefault.getStatusCode().value()).isEqualTo(201);
        // 14 days of two seconds each.
        assertThat(Instant.parse((String) byDefault.getBody().get("expiresAt")))
                .isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(30));
        assertThat(api.call(HttpMethod.POST, path, coordinator(), Map.of("validDays", 30)).getStatusCode().value())
                .isEqualTo(201);
        assertThat(api.call(HttpMethod.DELETE, path, coordinator(), null).getStatusCode().value()).isEqualTo(204);
        assertThat(api.call(HttpMethod.DELETE, path, worker(clinic), null).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void theReceiverClosesTheLoopThroughTheLinkAndTheSenderSeesTheOutcome() {
        try (TopicWatch topic = new TopicWatch(Topics.REFERRAL_EVENTS)) {
            UUID referral = referral();
            String link = link(referral, 30);
            assertThat(link).doesNotContain(referral.toString());

            Map<String, Object> view = getJson(link).getBody();
            Map<String, Object> shown = (Map<String, Object>) view.get("referral");
            assertThat(shown).containsEntry("status", "REQUESTED").containsEntry("reason", REASON)
                    .containsEntry("receiverAgencyId", parish.toString());
            assertThat((List<String>) view.get("moves")).containsExactly("receive");

            assertThat(post(link, "receive", null).getBody()).containsEntry("status", "RECEIVED");
            // The receiver API's checks: a move the state does not allow is 409, a bad body 400.
            assertProblem(post(link, "start", null), 409);
            assertProblem(post(link, "accept", Map.of("firstContactOn", "not a date")), 400);
            assertThat(post(link, "accept", Map.of("responsibleWorker", WORKER_NAME,
                    "firstContactOn", LocalDate.now().plusDays(2).toString())).getBody())
                    .containsEntry("status", "ACCEPTED").containsEntry("responsibleWorker", WORKER_NAME);
            assertThat((List<String>) getJson(link).getBody().get("moves")).containsExactly("start", "hold", "redirect");
            assertThat(post(link, "start", null).getBody()).containsEntry("status", "IN_PROGRESS");
            assertProblem(post(link, "complete", Map.of()), 400);
            assertProblem(post(link, "complete", null), 400);
            assertThat(post(link, "complete", Map.of("outcome", "GOAL_MET", "note", COMPLETION)).getBody())
                    .containsEntry("status", "COMPLETED").containsEntry("outcome", "GOAL_MET");
            assertThat((List<String>) getJson(link).getBody().get("moves")).isEmpty();
            assertProblem(post(link, "nonsense", null), 404);

            Map<String, Object> detail = api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(clinic), null);
            assertThat(detail).containsEntry("status", "COMPLETED").containsEntry("outcome", "GOAL_MET")
                    .containsEntry("completionNote", COMPLETION).containsEntry("responsibleWorker", WORKER_NAME);
            String actor = "partner-link:" + linkIdOf(link);
            assertThat((List<Map<String, Object>>) detail.get("history")).extracting(s -> s.get("by"))
                    .containsExactly("worker-" + clinic.toString().substring(0, 8), actor, actor, actor, actor);

            List<AccessLog.Entry> uses = accessLog.of(family).stream().filter(e -> actor.equals(e.worker())).toList();
            assertThat(uses).allSatisfy(e -> {
                assertThat(e.agencyId()).isEqualTo(parish);
                assertThat(e.outcome()).isEqualTo(AccessLog.Outcome.ALLOWED);
            });
            // Three reads of the page's JSON, and every move that was made or tried (valid link, refused move).
            assertThat(uses).filteredOn(e -> e.purpose().equals("referral " + referral)).hasSize(3);
            assertThat(uses).extracting(AccessLog.Entry::purpose).contains(
                    "referral " + referral + ": receive by partner link",
                    "referral " + referral + ": complete by partner link");

            // The topic carries the referral's public events only: no link, nothing readable of the family.
            // The link's id is who made the moves (as a worker's id is), and opens nothing without the link.
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(referral.toString(), 5, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> header(r, CloudEvents.TYPE).replaceAll("\\.v\\d+$", ""))
                    .containsExactly("fi.perhekeskus.referral.ReferralMade", "fi.perhekeskus.referral.ReferralReceived",
                            "fi.perhekeskus.referral.ReferralAccepted", "fi.perhekeskus.referral.ReferralStarted",
                            "fi.perhekeskus.referral.ReferralCompleted");
            for (ConsumerRecord<String, byte[]> record : records) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                String token = link.substring(link.lastIndexOf('/') + 1);
                assertThat(value).doesNotContain(REASON, WORKER_NAME, COMPLETION, "Diakoni", "PartnerLink",
                        token, token.substring(0, token.indexOf('.')), token.substring(token.indexOf('.') + 1));
            }
        }
    }

    @Test
    void anExpiredLinkIsNotFound() {
        UUID referral = referral();
        String link = link(referral, 1);
        assertThat(getJson(link).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> getJson(link).getStatusCode().value() == 404);
        assertProblem(post(link, "receive", null), 404);
        assertThat(api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(clinic), null))
                .containsEntry("status", "REQUESTED");
        assertThat(accessLog.of(family)).anySatisfy(e -> {
            assertThat(e.worker()).isEqualTo("partner-link:" + linkIdOf(link));
            assertThat(e.outcome()).isEqualTo(AccessLog.Outcome.REFUSED);
        });
    }

    @Test
    void aRevokedLinkIsNotFound() {
        UUID referral = referral();
        String link = link(referral, 30);
        assertThat(getJson(link).getStatusCode().value()).isEqualTo(200);
        assertThat(api.call(HttpMethod.DELETE, "/api/v1/referrals/" + referral + "/partner-link", worker(clinic), null)
                .getStatusCode().value()).isEqualTo(204);
        assertProblem(getJson(link), 404);
        assertProblem(post(link, "receive", null), 404);
        assertThat(getHtml(link).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aNewLinkSupersedesTheOldOne() {
        UUID referral = referral();
        String first = link(referral, 30);
        String second = link(referral, 30);
        assertProblem(getJson(first), 404);
        assertProblem(post(first, "receive", null), 404);
        assertThat(getJson(second).getStatusCode().value()).isEqualTo(200);
        assertThat(post(second, "receive", null).getBody()).containsEntry("status", "RECEIVED");
    }

    @Test
    void aForgedOrUnknownLinkIsNotFound() {
        UUID referral = referral();
        UUID other = referral();
        String link = link(referral, 30);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);

        // The same signature over a payload naming another referral.
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        ByteBuffer.wrap(bytes).position(1).putLong(other.getMostSignificantBits()).putLong(other.getLeastSignificantBits());
        String otherReferral = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + signature;
        String flipped = payload + "." + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        for (String forged : List.of(otherReferral, flipped, payload, "x", UUID.randomUUID().toString(),
                token + "A", "a".repeat(400))) {
            assertProblem(getJson("/partner/" + forged), 404);
            assertProblem(post("/partner/" + forged, "receive", null), 404);
        }
        assertThat(api.ok(HttpMethod.GET, "/api/v1/referrals/" + other, worker(clinic), null))
                .containsEntry("status", "REQUESTED");
        // A bearer token sent along changes nothing: the link alone is the credential.
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(worker(parish));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        assertThat(http.exchange("/partner/" + flipped, HttpMethod.GET, new HttpEntity<>(headers), Map.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(getJson(link).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void thePageIsHtmlUnderAStrictPolicyInTheChosenLanguage() throws Exception {
        UUID referral = referral();
        String link = link(referral, 30);
        ResponseEntity<String> fi = getHtml(link);
        assertThat(fi.getStatusCode().value()).isEqualTo(200);
        assertThat(fi.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(fi.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(PartnerPage.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'").contains("form-action 'self'").doesNotContain("script-src");
        assertThat(fi.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(fi.getHeaders().getCacheControl()).contains("no-store");
        assertThat(fi.getBody()).contains("<html lang=\"fi\"", "Kuittaa vastaanotetuksi", REASON)
                .doesNotContain("<script", "onclick");

        HttpHeaders swedish = new HttpHeaders();
        swedish.set(HttpHeaders.ACCEPT_LANGUAGE, "sv-FI,sv;q=0.9,en;q=0.5");
        assertThat(http.exchange(link, HttpMethod.GET, new HttpEntity<>(swedish), String.class).getBody())
                .contains("<html lang=\"sv\"", "Kvittera som mottagen");
        assertThat(http.getForObject(link + "?lang=en", String.class)).contains("<html lang=\"en\"", "Acknowledge receipt");
        assertThat(http.getForEntity(link + "?lang=de", String.class).getStatusCode().value()).isEqualTo(400);

        // A form post is answered 303 back to the page, which then shows the new state.
        java.net.http.HttpResponse<String> posted = postForm(link + "/receive?lang=en", "");
        assertThat(posted.statusCode()).isEqualTo(303);
        String back = posted.headers().firstValue(HttpHeaders.LOCATION).orElseThrow();
        assertThat(back).isEqualTo(link + "?lang=en");
        assertThat(getHtml(back).getBody()).contains("data-status=\"RECEIVED\"", "id=\"move-accept\"");
        // A refused form move comes back to the page with a notice, not a problem document.
        java.net.http.HttpResponse<String> refused = postForm(link + "/decline?lang=en", "reason=");
        assertThat(refused.statusCode()).isEqualTo(303);
        String notice = refused.headers().firstValue(HttpHeaders.LOCATION).orElseThrow();
        assertThat(notice).endsWith("&failed=decline");
        assertThat(getHtml(notice).getBody()).contains("id=\"failed\"", "data-status=\"RECEIVED\"");
        assertThat(postForm("/partner/x/receive", "").statusCode()).isEqualTo(404);
    }

    /** A form post as the page makes it, its redirect not followed. */
    java.net.http.HttpResponse<String> postForm(String path, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The link's path (the URL's host is the test server's). */
    String link(UUID referral, int days) {
        ResponseEntity<Map> response = api.call(HttpMethod.POST, "/api/v1/referrals/" + referral + "/partner-link",
                worker(clinic), Map.of("validDays", days));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        URI url = URI.create((String) response.getBody().get("url"));
        assertThat(url.getPath()).startsWith("/partner/");
        return url.getPath();
    }

    /** The link's id, as the token carries it (after the version byte, the referral and the receiver). */
    static UUID linkIdOf(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        payload.position(33);
        return new UUID(payload.getLong(), payload.getLong());
    }

    ResponseEntity<Map> getJson(String link) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(link, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    ResponseEntity<String> getHtml(String link) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(link, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    ResponseEntity<Map> post(String link, String move, Object body) {
        return api.call(HttpMethod.POST, link + "/" + move, null, body);
    }

    static void assertProblem(ResponseEntity<Map> response, int status) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
