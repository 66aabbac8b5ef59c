package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionAttendanceCorrected;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.InvitationAnswer;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.ProgrammeEvaluated;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.reporting.suppression.Reader;
import fi.perhekeskus.reporting.suppression.Relation;
import fi.perhekeskus.reporting.suppression.Suppression;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The programme report's invitation funnel, feedback per session and agencies' evaluations, fed by
 * events on the real topics (a redelivered invitation, a cancelled enrolment and a corrected
 * attendance among them): counted as distinct families and suppressed for an analyst; feedback per
 * session and evaluations only for a coordinator, and never an evaluation's sealed texts.
 */
@ReportingServiceIT
class ProgrammeFunnelIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    private static final String SEALED_TEXT = "v1.sealed-evaluation-" + UUID.randomUUID();
    private static final List<String> QUESTIONS = List.of("timingSuited", "contentMetNeeds", "infoMatchedChildAge");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void theFunnelCountsInvitedFamiliesStepByStepAndFeedbackIsShownPerSession() {
        UUID programme = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        UUID ngo = UUID.randomUUID();
        Instant start = Instant.parse("2026-02-03T15:00:00Z");
        List<ProgrammeScheduled.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant at = start.plus(7L * i, ChronoUnit.DAYS);
            sessions.add(new ProgrammeScheduled.Session(UUID.randomUUID(), at, at.plus(2, ChronoUnit.HOURS), "ilta",
                    List.of(clinic, ngo)));
        }
        UUID first = sessions.get(0).sessionId();
        UUID second = sessions.get(1).sessionId();
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(clinic, new AgencyRegistered(clinic, "Hervannan neuvola", OrganizerType.WELLBEING_COUNTY,
                    "Pirkanmaan hyvinvointialue", "Tampere", List.of("Tampere"), "c", start), start);
            events.publish(ngo, new AgencyRegistered(ngo, "MLL Tampere", OrganizerType.NGO, "MLL", "Tampere",
                    List.of("Tampere"), "c", start), start);
            events.publish(programme, new ProgrammeScheduled(programme, "Vauvaryhmä", UUID.randomUUID(),
                    List.of(clinic, ngo), "Hervanta", 20, 16, 0, 6, sessions, "c", start), start);
            events.publish(small, new ProgrammeScheduled(small, "Pieni vauvaryhmä", UUID.randomUUID(), List.of(clinic),
                    "Nokia", 10, 10, 0, 6, List.of(sessions.get(0)), "c", start), start);
            // 12 families invited (one invitation delivered twice), 10 answer, 8 say yes and enrol, one of them
            // leaves again; three more families come by referral (not part of the funnel).
            List<UUID> invited = new ArrayList<>();
            ProducerRecord<String, byte[]> firstInvitation = null;
            for (int f = 0; f < 12; f++) {
                UUID family = UUID.randomUUID();
                UUID invitation = UUID.randomUUID();
                invited.add(family);
                ProducerRecord<String, byte[]> record = events.publish(programme, new FamilyInvited(programme,
                        invitation, family, f % 2 == 0, start, "w", start.minus(20, ChronoUnit.DAYS)), start);
                firstInvitation = firstInvitation == null ? record : firstInvitation;
                if (f < 10) {
                    events.publish(programme, new InvitationAnswered(programme, invitation, family,
                            f < 8 ? InvitationAnswer.YES : InvitationAnswer.NO, "invitation-link:" + invitation,
                            start.minus(10, ChronoUnit.DAYS)), start);
                }
                if (f < 8) {
                    events.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.INVITATION, null,
                            false, "w", start.minus(10, ChronoUnit.DAYS)), start);
                }
            }
            events.send(firstInvitation);
            events.publish(programme, new EnrolmentCancelled(programme, invited.get(7), false, "w", start), start);
            List<UUID> referred = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                UUID family = UUID.randomUUID();
                referred.add(family);
                events.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.REFERRAL,
                        UUID.randomUUID(), false, "w", start), start);
            }
            // First evening: five invited families and the three referred; second: six invited ones once
            // corrected (the sixth was first left out).
            List<GroupSessionHeld.Attendance> firstEvening = new ArrayList<>();
            for (int f = 0; f < 5; f++) {
                firstEvening.add(new GroupSessionHeld.Attendance(invited.get(f), 2, 1, 1));
            }
            referred.forEach(family -> firstEvening.add(new GroupSessionHeld.Attendance(family, 1, 0, 1)));
            events.publish(programme, new GroupSessionHeld(programme, first, firstEvening, "w", start), start);
            List<GroupSessionHeld.Attendance> secondEvening = new ArrayList<>();
            for (int f = 0; f < 5; f++) {
                secondEvening.add(new GroupSessionHeld.Attendance(invited.get(f), 1, 0, 1));
            }
            Instant later = start.plus(7, ChronoUnit.DAYS);
            events.publish(programme, new GroupSessionHeld(programme, second, secondEvening, "w", later), later);
            secondEvening.add(new GroupSessionHeld.Attendance(invited.get(5), 1, 0, 1));
            events.publish(programme, new GroupSessionAttendanceCorrected(programme, second, secondEvening, "w", later),
                    later);
            // Feedback: 6 forms after the first evening (all yes), 7 after the second (timing yes 5, partly 2).
            for (int f = 0; f < 6; f++) {
                events.publish(programme, new FeedbackGiven(programme, first, UUID.randomUUID(), Answer.YES, Answer.YES,
                        Answer.YES, null, start), start);
            }
            for (int f = 0; f < 7; f++) {
                events.publish(programme, new FeedbackGiven(programme, second, UUID.randomUUID(),
                        f < 5 ? Answer.YES : Answer.PARTLY, Answer.YES, Answer.YES, Answer.YES, null, later), later);
            }
            events.publish(programme, new ProgrammeEvaluated(programme, clinic, new Sealed(SEALED_TEXT),
                    new Sealed(SEALED_TEXT), new Sealed(SEALED_TEXT), "w", Instant.parse("2026-03-01T10:00:00Z")), later);
            // The small programme: three families invited, two answer.
            for (int f = 0; f < 3; f++) {
                UUID invitation = UUID.randomUUID();
                UUID family = UUID.randomUUID();
                events.publish(small, new FamilyInvited(small, invitation, family, false, start, "w", start), start);
                if (f < 2) {
                    events.publish(small, new InvitationAnswered(small, invitation, family, InvitationAnswer.NO, "w",
                            start), start);
                }
            }
        }

        String path = "/api/v1/reports/programmes/" + programme;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> report = json(path, TOKENS.coordinator("c"));
            assertThat((Map<String, Object>) report.get("funnel")).containsEntry("invited", 12)
                    .containsEntry("answered", 10).containsEntry("enrolled", 7).containsEntry("attended", 6);
            assertThat(report).containsEntry("enrolledFamilies", 10);
            assertThat((List<Map<String, Object>>) report.get("evaluations")).singleElement().satisfies(e ->
                    assertThat(e).containsEntry("agencyId", clinic.toString()).containsEntry("agency", "Hervannan neuvola")
                            .containsEntry("evaluatedAt", "2026-03-01T10:00:00Z").doesNotContainKey("workedWell"));
            // Without meeting-service, which alone can open the texts, the report says they are not shown.
            assertThat(report).containsEntry("evaluationTexts", "UNAVAILABLE");
            Map<String, Object> smallReport = json("/api/v1/reports/programmes/" + small, TOKENS.coordinator("c"));
            assertThat((Map<String, Object>) smallReport.get("funnel")).containsEntry("invited", 3)
                    .containsEntry("answered", 2).containsEntry("enrolled", 0).containsEntry("attended", 0);
        });

        Map<String, Object> coordinator = json(path, TOKENS.coordinator("c"));
        List<Map<String, Object>> reported = (List<Map<String, Object>>) coordinator.get("sessions");
        assertThat(reported).hasSize(3);
        Map<String, Object> timingFirst = question(reported.get(0), "timingSuited");
        assertThat(timingFirst).containsEntry("responses", 6);
        assertThat((Map<String, Object>) timingFirst.get("YES")).containsEntry("count", 6).containsEntry("percent", 100);
        Map<String, Object> timingSecond = question(reported.get(1), "timingSuited");
        assertThat(timingSecond).containsEntry("responses", 7);
        assertThat((Map<String, Object>) timingSecond.get("YES")).containsEntry("count", 5).containsEntry("percent", 71);
        assertThat((Map<String, Object>) timingSecond.get("PARTLY")).containsEntry("count", 2).containsEntry("percent", 29);
        assertThat(question(reported.get(2), "timingSuited")).containsEntry("responses", 0);
        Map<String, Object> timing = (Map<String, Object>) ((Map<String, Object>) coordinator.get("feedback")).get("timingSuited");
        assertThat(timing).containsEntry("responses", 13);
        assertThat((Map<String, Object>) timing.get("YES")).containsEntry("count", 11);
        assertThat(body(path, TOKENS.coordinator("c"), MediaType.APPLICATION_JSON)).doesNotContain(SEALED_TEXT);

        // An analyst: no evaluations and no feedback per session; the programme's feedback stays suppressed
        // so that no answer can be worked out; the small programme's funnel is "<5".
        Map<String, Object> analyst = json(path, TOKENS.analyst("a"));
        assertThat(analyst).doesNotContainKeys("evaluations", "evaluationTexts");
        assertThat((Map<String, Object>) analyst.get("funnel")).containsEntry("invited", 12).containsEntry("attended", 6);
        assertThat((List<Map<String, Object>>) analyst.get("sessions")).hasSize(3)
                .allSatisfy(session -> assertThat(session).doesNotContainKey("feedback").containsKey("families"));
        Map<String, Object> cells = new LinkedHashMap<>();
        List<Relation> relations = new ArrayList<>();
        String previous = null;
        for (String q : QUESTIONS) {
            Map<String, Object> total = (Map<String, Object>) ((Map<String, Object>) analyst.get("feedback")).get(q);
            cells.put(q, total.get("responses"));
            for (String answer : List.of("YES", "PARTLY", "NO")) {
                cells.put(q + answer, ((Map<String, Object>) total.get(answer)).get("count"));
            }
            relations.add(new Relation(q, List.of(q + "YES", q + "PARTLY", q + "NO")));
            if (previous != null) {
                relations.add(new Relation(previous, List.of(q)));
            }
            previous = q;
        }
        assertThat(cells).containsEntry("timingSuitedPARTLY", Suppression.SMALL);
        Reader reader = new Reader(cells, relations);
        assertThat(reader.singlyHidden()).as("relations with one hidden cell: %s", cells).isEmpty();
        assertThat(reader.derivable()).as("derivable from %s", cells).isEmpty();
        assertThat(body(path, TOKENS.analyst("a"), MediaType.parseMediaType(Csv.MEDIA_TYPE)))
                .doesNotContain("sessionFeedback", "sessionResponses").contains("funnel.invited,,,,12,\r\n");
        Map<String, Object> smallAnalyst = json("/api/v1/reports/programmes/" + small, TOKENS.analyst("a"));
        assertThat((Map<String, Object>) smallAnalyst.get("funnel")).containsEntry("invited", Suppression.SMALL)
                .containsEntry("answered", Suppression.SMALL).containsEntry("enrolled", 0);

        String csv = body(path, TOKENS.coordinator("c"), MediaType.parseMediaType(Csv.MEDIA_TYPE));
        assertThat(csv).startsWith("metric,session,question,answer,value,percent\r\n")
                .contains("funnel.invited,,,,12,\r\n", "funnel.answered,,,,10,\r\n", "funnel.enrolled,,,,7,\r\n",
                        "funnel.attended,,,,6,\r\n", "feedback,,timingSuited,YES,11,85\r\n",
                        "sessionResponses," + second + ",timingSuited,,7,\r\n",
                        "sessionFeedback," + second + ",timingSuited,PARTLY,2,29\r\n")
                .doesNotContain(SEALED_TEXT);
    }

    private static Map<String, Object> question(Map<String, Object> session, String question) {
        return (Map<String, Object>) ((Map<String, Object>) session.get("feedback")).get(question);
    }

    private Map<String, Object> json(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class).getBody();
    }

    private String body(String path, String token, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(accept));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
    }
}
