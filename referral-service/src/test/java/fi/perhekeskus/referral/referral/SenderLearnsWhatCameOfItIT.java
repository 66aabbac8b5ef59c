package fi.perhekeskus.referral.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.MeetingTopic;
import fi.perhekeskus.referral.support.TopicWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The second wave of the closed loop over HTTP on real infrastructure: hold and resume, a redirect of
 * work in progress, the warm hand-over in both parties' history, what the sender's view says came of
 * a referral (decline reason, redirect note, outcome and completion note, hold reason, the enrolment
 * it led to from meeting-service's topic, a withdrawn consent) and that none of the new free texts is
 * readable in an event or a Kafka record.
 */
@ReferralServiceIT
class SenderLearnsWhatCameOfItIT {

    private static final String HOLD_REASON = "Perhe muuttaa, tauko kuukaudeksi";
    private static final String HANDOVER_NOTE = "Tavattiin yhdessä neuvolassa, äiti toivoi iltaryhmää";
    private static final String REDIRECT_NOTE = "Perheneuvola sopii paremmin kuin kotipalvelu";
    private static final String COMPLETION_NOTE = "Tavoitteet saavutettiin kolmessa tapaamisessa";
    private static final String DECLINE_REASON = "Ei tilaa ennen kesää";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private UUID clinic;
    private UUID homeHelp;
    private UUID counselling;
    private UUID homeHelpService;
    private UUID counsellingService;
    private UUID family;
    private UUID consent;

    private void network(String place) {
        api = new Api(http);
        clinic = api.agency(place + " neuvola", "Tampere");
        homeHelp = api.agency(place + " kotipalvelu", "Tampere");
        counselling = api.agency(place + " perheneuvola", "Tampere");
        homeHelpService = api.service(homeHelp, "Lapsiperheiden kotipalvelu", "INDIVIDUAL");
        counsellingService = api.service(counselling, "Perheneuvonta", "GROUP");
        family = api.family(clinic, "Liisa", "Virtanen", "010190-900P", "1990-01-01");
        consent = api.consent(family, clinic, List.of(homeHelp, counselling), LocalDate.now().plusYears(1).toString());
    }

    private String refer(UUID service) {
        return api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "Väsymys ja univaikeudet", "needLevel", "YELLOW",
                "priority", "URGENT", "consentId", consent)).toString();
    }

    @Test
    void holdResumeRedirectOfWorkInProgressAndAHandOverBothPartiesSee() throws Exception {
        network("Hervannan");
        String id;
        try (TopicWatch watch = new TopicWatch(Topics.REFERRAL_EVENTS)) {
            id = refer(homeHelpService);
            String r = "/api/v1/referrals/" + id;
            api.ok(HttpMethod.POST, r + "/receive", worker(homeHelp), null);
            ResponseEntity<Map> handover = api.call(HttpMethod.POST, r + "/handover-meeting", worker(clinic),
                    Map.of("heldOn", LocalDate.now().minusDays(1).toString(), "familyPresent", true,
                            "note", HANDOVER_NOTE));
            assertThat(handover.getStatusCode().value()).as("%s", handover.getBody()).isEqualTo(201);
            assertThat(handover.getBody()).containsEntry("referralId", id).containsEntry("status", "RECEIVED");
            api.ok(HttpMethod.POST, r + "/accept", worker(homeHelp), Map.of());
            api.ok(HttpMethod.POST, r + "/start", worker(homeHelp), null);

            // Only the receiver holds: the sender is told it is not its move.
            assertThat(api.call(HttpMethod.POST, r + "/hold", worker(clinic), Map.of("reason", "x"))
                    .getStatusCode().value()).isEqualTo(403);
            assertThat(api.call(HttpMethod.POST, r + "/hold", worker(homeHelp), Map.of("reason", " "))
                    .getStatusCode().value()).isEqualTo(400);
            assertThat(api.call(HttpMethod.POST, r + "/hold", worker(homeHelp), Map.of("reason", "x".repeat(2001)))
                    .getStatusCode().value()).isEqualTo(400);
            assertThat(api.ok(HttpMethod.POST, r + "/hold", worker(homeHelp), Map.of("reason", HOLD_REASON)))
                    .containsEntry("status", "ON_HOLD");
            // Read-your-writes: the sender's next read shows the hold and why.
            Map<String, Object> held = api.ok(HttpMethod.GET, r, worker(clinic), null);
            assertThat(held).containsEntry("status", "ON_HOLD").containsEntry("onHoldReason", HOLD_REASON);
            assertThat(api.call(HttpMethod.POST, r + "/start", worker(homeHelp), null).getStatusCode().value())
                    .isEqualTo(409);

            assertThat(api.ok(HttpMethod.POST, r + "/resume", worker(homeHelp), null)).containsEntry("status", "IN_PROGRESS");
            assertThat(api.call(HttpMethod.POST, r + "/resume", worker(homeHelp), null).getStatusCode().value())
                    .isEqualTo(409);
            Map<String, Object> redirected = api.ok(HttpMethod.POST, r + "/redirect", worker(homeHelp),
                    Map.of("serviceId", counsellingService, "note", REDIRECT_NOTE));
            assertThat(redirected).containsEntry("status", "REDIRECTED");
            String next = (String) redirected.get("redirectedTo");

            for (UUID party : List.of(clinic, homeHelp)) {
                Map<String, Object> seen = api.ok(HttpMethod.GET, r, worker(party), null);
                assertThat(steps(seen)).containsExactly("MADE", "RECEIVED", "HANDOVER_MEETING", "ACCEPTED", "STARTED",
                        "ON_HOLD", "RESUMED", "REDIRECTED");
                assertThat(seen).containsEntry("redirectNote", REDIRECT_NOTE).containsEntry("redirectedTo", next)
                        .doesNotContainKey("onHoldReason").containsEntry("consentWithdrawn", false);
                List<Map<String, Object>> meetings = (List<Map<String, Object>>) seen.get("handoverMeetings");
                assertThat(meetings).singleElement().satisfies(m -> assertThat(m)
                        .containsEntry("familyPresent", true).containsEntry("note", HANDOVER_NOTE)
                        .containsEntry("recordedByAgencyId", clinic.toString())
                        .containsEntry("heldOn", LocalDate.now().minusDays(1).toString()));
            }
            // The new referral keeps the original sender and the urgent priority.
            Map<String, Object> forwarded = api.ok(HttpMethod.GET, "/api/v1/referrals/" + next, worker(clinic), null);
            assertThat(forwarded).containsEntry("senderAgencyId", clinic.toString()).containsEntry("priority", "URGENT")
                    .containsEntry("redirectedFrom", id);

            // No readable free text of the new moves in a Kafka record or a stored event.
            List<ConsumerRecord<String, byte[]>> records = watch.awaitRecords(id, 8, Duration.ofSeconds(30));
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .doesNotContain(HOLD_REASON, HANDOVER_NOTE, REDIRECT_NOTE, "Perhe muuttaa", "iltaryhmää");
            }
            assertThat(records).extracting(rec -> new String(rec.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .contains("fi.perhekeskus.referral.ReferralPutOnHold.v1", "fi.perhekeskus.referral.ReferralResumed.v1",
                            "fi.perhekeskus.referral.ReferralHandoverMeetingHeld.v1");
        }
        List<String> stored = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ?", String.class, id);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(payload -> assertThat(payload).doesNotContain(HOLD_REASON, HANDOVER_NOTE, REDIRECT_NOTE));
    }

    @Test
    void theSenderSeesTheDeclineReasonAndTheOutcomeWithItsNote() {
        network("Lielahden");
        String declined = refer(homeHelpService);
        api.ok(HttpMethod.POST, "/api/v1/referrals/" + declined + "/receive", worker(homeHelp), null);
        api.ok(HttpMethod.POST, "/api/v1/referrals/" + declined + "/decline", worker(homeHelp),
                Map.of("reason", DECLINE_REASON));
        assertThat(api.ok(HttpMethod.GET, "/api/v1/referrals/" + declined, worker(clinic), null))
                .containsEntry("status", "DECLINED").containsEntry("declineReason", DECLINE_REASON);

        String completed = refer(homeHelpService);
        String c = "/api/v1/referrals/" + completed;
        api.ok(HttpMethod.POST, c + "/receive", worker(homeHelp), null);
        api.ok(HttpMethod.POST, c + "/accept", worker(homeHelp), Map.of());
        // Resumed to ACCEPTED, where it was held: it then starts, not completes.
        api.ok(HttpMethod.POST, c + "/hold", worker(homeHelp), Map.of("reason", HOLD_REASON));
        assertThat(api.ok(HttpMethod.POST, c + "/resume", worker(homeHelp), null)).containsEntry("status", "ACCEPTED");
        api.ok(HttpMethod.POST, c + "/start", worker(homeHelp), null);
        api.ok(HttpMethod.POST, c + "/complete", worker(homeHelp), Map.of("outcome", "PARTLY_MET",
                "note", COMPLETION_NOTE));
        assertThat(api.ok(HttpMethod.GET, c, worker(clinic), null)).containsEntry("status", "COMPLETED")
                .containsEntry("outcome", "PARTLY_MET").containsEntry("completionNote", COMPLETION_NOTE);

        // The receiver records a hand-over too; one not yet held is refused.
        assertThat(api.call(HttpMethod.POST, c + "/handover-meeting", worker(homeHelp),
                Map.of("heldOn", LocalDate.now().toString(), "familyPresent", false)).getStatusCode().value())
                .as("a closed referral").isEqualTo(409);
        String open = refer(homeHelpService);
        String o = "/api/v1/referrals/" + open;
        assertThat(api.call(HttpMethod.POST, o + "/handover-meeting", worker(homeHelp),
                Map.of("heldOn", LocalDate.now().plusDays(3).toString(), "familyPresent", false)).getStatusCode().value())
                .isEqualTo(422);
        assertThat(api.call(HttpMethod.POST, o + "/handover-meeting", worker(homeHelp),
                Map.of("familyPresent", false)).getStatusCode().value()).isEqualTo(400);
        String key = "handover-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("heldOn", LocalDate.now().toString(), "familyPresent", false);
        ResponseEntity<Map> first = api.call(HttpMethod.POST, o + "/handover-meeting", worker(homeHelp), body,
                Map.of("Idempotency-Key", key));
        ResponseEntity<Map> again = api.call(HttpMethod.POST, o + "/handover-meeting", worker(homeHelp), body,
                Map.of("Idempotency-Key", key));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(api.call(HttpMethod.POST, o + "/handover-meeting", worker(homeHelp),
                Map.of("heldOn", LocalDate.now().toString(), "familyPresent", true), Map.of("Idempotency-Key", key))
                .getStatusCode().value()).isEqualTo(422);
        Map<String, Object> receiverView = api.ok(HttpMethod.GET, o, worker(homeHelp), null);
        assertThat(steps(receiverView)).containsExactly("MADE", "HANDOVER_MEETING");
        assertThat((List<?>) receiverView.get("handoverMeetings")).hasSize(1);
    }

    @Test
    void theEnrolmentAGroupReferralLedToArrivesFromMeetingServicesTopic() {
        network("Kaukajärven");
        String id = refer(counsellingService);
        String r = "/api/v1/referrals/" + id;
        api.ok(HttpMethod.POST, r + "/receive", worker(counselling), null);
        api.ok(HttpMethod.POST, r + "/accept", worker(counselling), Map.of());
        UUID programme = UUID.randomUUID();
        UUID referral = UUID.fromString(id);
        Instant now = Instant.now();
        try (MeetingTopic meetings = new MeetingTopic(objectMapper)) {
            // Another family's placement in the same programme is no business of this referral.
            meetings.publish(programme, new FamilyEnrolled(programme, UUID.randomUUID(), EnrolmentSource.SELF, null,
                    false, "w", now), now);
            meetings.publish(programme, new FamilyWaitlisted(programme, family, EnrolmentSource.REFERRAL, referral, 1,
                    "referral-enrolment", now), now);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat((Map<String, Object>) api.ok(HttpMethod.GET, r, worker(clinic), null).get("enrolment"))
                            .containsEntry("programmeId", programme.toString()).containsEntry("status", "WAITLISTED"));
            meetings.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.REFERRAL, referral, true,
                    "w", now), now);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat((Map<String, Object>) api.ok(HttpMethod.GET, r, worker(clinic), null).get("enrolment"))
                            .containsEntry("programmeId", programme.toString()).containsEntry("status", "ENROLLED"));
        }
        // The receiver sees it too; lists carry none of it.
        assertThat(api.ok(HttpMethod.GET, r, worker(counselling), null)).containsKey("enrolment");
    }

    @Test
    void aWithdrawnConsentIsShownToTheSenderAndLeavesTheReceiverNoPersonalData() {
        network("Tesoman");
        String id = refer(homeHelpService);
        String r = "/api/v1/referrals/" + id;
        api.ok(HttpMethod.POST, r + "/receive", worker(homeHelp), null);
        api.ok(HttpMethod.POST, r + "/accept", worker(homeHelp), Map.of());
        api.ok(HttpMethod.POST, r + "/hold", worker(homeHelp), Map.of("reason", HOLD_REASON));
        api.created(HttpMethod.POST, r + "/handover-meeting", worker(homeHelp), Map.of("heldOn",
                LocalDate.now().toString(), "familyPresent", true, "note", HANDOVER_NOTE));
        assertThat(api.ok(HttpMethod.GET, r, worker(homeHelp), null)).containsEntry("reason", "Väsymys ja univaikeudet")
                .containsEntry("onHoldReason", HOLD_REASON);

        ResponseEntity<Map> withdrawn = api.call(HttpMethod.DELETE, "/api/v1/families/" + family + "/consents/" + consent,
                worker(clinic), null);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(204);

        Map<String, Object> sender = api.ok(HttpMethod.GET, r, worker(clinic), null);
        assertThat(sender).containsEntry("consentWithdrawn", true).containsEntry("onHoldReason", HOLD_REASON)
                .containsEntry("reason", "Väsymys ja univaikeudet");
        Map<String, Object> receiver = api.ok(HttpMethod.GET, r, worker(homeHelp), null);
        assertThat(receiver).containsEntry("consentWithdrawn", true).containsEntry("personalDataWithheld", true)
                .doesNotContainKeys("reason", "onHoldReason", "declineReason", "redirectNote", "completionNote",
                        "cancelReason");
        assertThat((List<Map<String, Object>>) receiver.get("handoverMeetings"))
                .allSatisfy(m -> assertThat(m).doesNotContainKey("note"));
        assertThat(receiver.toString()).doesNotContain(HOLD_REASON, HANDOVER_NOTE, "Väsymys", "Liisa", "Virtanen");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> steps(Map<String, Object> referral) {
        return ((List<Map<String, Object>>) referral.get("history")).stream().map(s -> s.get("step")).toList();
    }
}
