package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionAttendanceCorrected;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralCompleted;
import fi.perhekeskus.contract.referral.ReferralDeclined;
import fi.perhekeskus.contract.referral.ReferralHandoverMeetingHeld;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralPutOnHold;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.contract.referral.ReferralResumed;
import fi.perhekeskus.contract.referral.ReferralStarted;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.reporting.rebuild.ProjectionRebuild;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reports from events on the real topics: the Tampere pilot programme (with a redelivered event
 * and events of other programmes interleaved), referral flow, small-cell suppression, CSV, and a
 * rebuild from offset 0 that equals the live projection.
 */
@ReportingServiceIT
class ReportsIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void theTamperePilotReportShowsReachAttendanceAndFeedbackAndRebuildsTheSame() {
        UUID programme = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        UUID ngo = UUID.randomUUID();
        Instant start = Instant.parse("2025-09-02T15:00:00Z");
        List<ProgrammeScheduled.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(new ProgrammeScheduled.Session(UUID.randomUUID(), start.plus(7L * i, ChronoUnit.DAYS),
                    start.plus(7L * i, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), "ilta " + (i + 1), List.of(clinic, ngo)));
        }
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(programme, new ProgrammeScheduled(programme, "Meidän vauva", UUID.randomUUID(),
                    List.of(clinic, ngo), "Hervanta", 20, 20, 0, 6, sessions, "c", start), start);
            events.publish(small, new ProgrammeScheduled(small, "Pieni ryhmä", UUID.randomUUID(), List.of(clinic),
                    "Nokia", 10, 10, 0, 6, List.of(sessions.get(0)), "c", start), start);
            List<GroupSessionHeld.Attendance> came = new ArrayList<>();
            ProducerRecord<String, byte[]> firstEnrolment = null;
            for (int f = 0; f < 13; f++) {
                UUID family = UUID.randomUUID();
                ProducerRecord<String, byte[]> record = events.publish(programme, new FamilyEnrolled(programme, family,
                        EnrolmentSource.REFERRAL, UUID.randomUUID(), false, "w", start), start);
                firstEnrolment = firstEnrolment == null ? record : firstEnrolment;
                came.add(new GroupSessionHeld.Attendance(family, f < 9 ? 2 : 1, f < 9 ? 1 : 0, 1));
                if (f < 3) {
                    // Another programme's events interleave; three families make it a small cell.
                    events.publish(small, new FamilyEnrolled(small, family, EnrolmentSource.SELF, null, false, "w", start), start);
                }
            }
            events.send(firstEnrolment);
            for (int s = 0; s < 3; s++) {
                events.publish(programme, new GroupSessionHeld(programme, sessions.get(s).sessionId(), came, "w", start), start);
            }
            // The third evening's attendance is corrected: a tenth family had come with its father.
            List<GroupSessionHeld.Attendance> corrected = new ArrayList<>(came);
            corrected.set(9, new GroupSessionHeld.Attendance(came.get(9).familyId(), 2, 1, 1));
            events.publish(programme, new GroupSessionAttendanceCorrected(programme, sessions.get(2).sessionId(),
                    corrected, "w", start.plus(15, ChronoUnit.DAYS)), start);
            for (int f = 0; f < 13; f++) {
                events.publish(programme, new FeedbackGiven(programme, sessions.get(0).sessionId(), UUID.randomUUID(),
                        Answer.YES, f < 11 ? Answer.YES : Answer.PARTLY, f < 8 ? Answer.YES : Answer.PARTLY, null, start), start);
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> report = get("/api/v1/reports/programmes/" + programme, TOKENS.analyst("a")).getBody();
            assertThat(report).containsEntry("plannedFamilies", 20).containsEntry("enrolledFamilies", 13)
                    .containsEntry("reachRate", 0.65);
            List<Map<String, Object>> reported = (List<Map<String, Object>>) report.get("sessions");
            assertThat(reported).filteredOn(s -> (Boolean) s.get("held")).hasSize(3)
                    .allSatisfy(s -> assertThat(s).containsEntry("families", 13))
                    .extracting(s -> s.get("fathers")).containsExactly(9, 9, 10);
            // Distinct families reached through a father: 10, not the 28 fathers counted over the sessions.
            assertThat(report).containsEntry("fathersReached", 10);
            Map<String, Object> childAge = (Map<String, Object>) ((Map<String, Object>) report.get("feedback"))
                    .get("infoMatchedChildAge");
            assertThat(childAge).containsEntry("responses", 13);
            assertThat((Map<String, Object>) childAge.get("YES")).containsEntry("count", 8).containsEntry("percent", 62);
            assertThat((Map<String, Object>) childAge.get("PARTLY")).containsEntry("count", 5).containsEntry("percent", 38);
            assertThat((Map<String, Object>) childAge.get("NO")).containsEntry("count", 0).containsEntry("percent", 0);
        });

        // Small cells: an analyst sees "<5" and no percentage derived from it; a coordinator sees 3.
        Map<String, Object> analyst = get("/api/v1/reports/programmes/" + small, TOKENS.analyst("a")).getBody();
        assertThat(analyst).containsEntry("enrolledFamilies", "<5").doesNotContainKey("reachRate");
        Map<String, Object> coordinator = get("/api/v1/reports/programmes/" + small, TOKENS.coordinator("c")).getBody();
        assertThat(coordinator).containsEntry("enrolledFamilies", 3).containsEntry("reachRate", 0.3);

        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.setBearerAuth(TOKENS.analyst("a"));
        csvHeaders.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        String csv = http.exchange("/api/v1/reports/programmes/" + programme, HttpMethod.GET,
                new HttpEntity<>(csvHeaders), String.class).getBody();
        assertThat(csv).startsWith("metric,session,question,answer,value,percent\r\n")
                .contains("enrolledFamilies,,,,13,\r\n", "feedback,,infoMatchedChildAge,YES,8,62\r\n",
                        "feedback,,infoMatchedChildAge,PARTLY,5,38\r\n");

        Map<String, Object> live = get("/api/v1/reports/programmes/" + programme, TOKENS.coordinator("c")).getBody();
        rebuild.rebuild(ProcessingGroups.PROGRAMMES);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(rebuild.progress(ProcessingGroups.PROGRAMMES).percent()).isEqualTo(100L);
            assertThat(get("/api/v1/reports/programmes/" + programme, TOKENS.coordinator("c")).getBody()).isEqualTo(live);
        });
    }

    @Test
    void theReferralFlowIsCountedPerReceivingAgencyWithMediansAndSuppression() {
        UUID clinic = UUID.randomUUID();
        UUID counselling = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        Instant t0 = Instant.parse("2025-03-03T08:00:00Z");
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(counselling, new AgencyRegistered(counselling, "Ylöjärven perheneuvola",
                    OrganizerType.WELLBEING_COUNTY, "Pirkanmaan hyvinvointialue", "Ylöjärvi", List.of("Ylöjärvi"), "c", t0), t0);
            events.publish(service, new ServiceListed(service, counselling, "Perheneuvonta", ServiceKind.INDIVIDUAL,
                    NeedLevel.YELLOW, 0, 216, List.of("Ylöjärvi"), List.of("fi"), null, "c", t0), t0);
            for (int i = 0; i < 6; i++) {
                UUID referral = UUID.randomUUID();
                Instant made = t0.plus(i, ChronoUnit.DAYS);
                events.publish(referral, new ReferralMade(referral, UUID.randomUUID(), service, clinic, counselling,
                        "Ylöjärvi", i < 4 ? NeedLevel.YELLOW : NeedLevel.RED, Priority.ROUTINE, new Sealed("v1.eA"),
                        UUID.randomUUID(), null, null, null, "w", made), made);
                ProducerRecord<String, byte[]> received = events.publish(referral, new ReferralReceived(referral,
                        counselling, "w", made.plus(2 + i, ChronoUnit.HOURS)), made);
                events.send(received);
                if (i < 5) {
                    events.publish(referral, new ReferralAccepted(referral, UUID.randomUUID(), service, counselling,
                            null, null, "w", made.plus(24, ChronoUnit.HOURS)), made);
                } else {
                    events.publish(referral, new ReferralDeclined(referral, new Sealed("v1.eA"), "w",
                            made.plus(30, ChronoUnit.HOURS)), made);
                }
            }
        }
        String path = "/api/v1/reports/referrals?municipality=Ylöjärvi&from=2025-03-01&to=2025-03-31&groupBy=AGENCY";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> rows = getList(path, TOKENS.coordinator("c"));
            assertThat(rows).hasSize(1);
            Map<String, Object> row = rows.get(0);
            assertThat(row).containsEntry("group", counselling.toString()).containsEntry("label", "Ylöjärven perheneuvola")
                    .containsEntry("made", 6).containsEntry("received", 6).containsEntry("accepted", 5)
                    .containsEntry("declined", 1).containsEntry("acceptanceRate", 0.83)
                    .containsEntry("medianHoursToReceive", 4.5).containsEntry("medianHoursToAccept", 24.0)
                    .containsEntry("needYellow", 4).containsEntry("needRed", 2);
        });
        Map<String, Object> analyst = getList(path, TOKENS.analyst("a")).get(0);
        // With accepted 5 shown, a rate of 0.83 would give 6 decided, and so declined 1: withheld.
        assertThat(analyst).containsEntry("made", 6).containsEntry("declined", "<5").containsEntry("needYellow", "<5")
                .containsEntry("needRed", "<5").doesNotContainKey("acceptanceRate");
    }

    @Test
    void outcomesHoldsAndHandOversAreCountedAndTheirSmallCellsCannotBeWorkedOutFromCompleted() {
        UUID clinic = UUID.randomUUID();
        UUID counselling = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        Instant t0 = Instant.parse("2025-04-01T08:00:00Z");
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(counselling, new AgencyRegistered(counselling, "Kangasalan perheneuvola",
                    OrganizerType.WELLBEING_COUNTY, "Pirkanmaan hyvinvointialue", "Kangasala", List.of("Kangasala"), "c", t0), t0);
            for (int i = 0; i < 7; i++) {
                UUID referral = UUID.randomUUID();
                Instant made = t0.plus(i, ChronoUnit.DAYS);
                Instant later = made.plus(1, ChronoUnit.HOURS);
                events.publish(referral, new ReferralMade(referral, UUID.randomUUID(), service, clinic, counselling,
                        "Kangasala", NeedLevel.YELLOW, Priority.URGENT, new Sealed("v1.eA"), UUID.randomUUID(), null,
                        null, null, "w", made), made);
                events.publish(referral, new ReferralReceived(referral, counselling, "w", later), later);
                events.publish(referral, new ReferralHandoverMeetingHeld(referral, UUID.randomUUID(),
                        LocalDate.of(2025, 4, 1 + i), true, new Sealed("v1.eA"), clinic, "w", later), later);
                events.publish(referral, new ReferralAccepted(referral, UUID.randomUUID(), service, counselling,
                        null, null, "w", later), later);
                events.publish(referral, new ReferralStarted(referral, "w", later), later);
                if (i < 2) {
                    events.publish(referral, new ReferralPutOnHold(referral, ReferralStatus.IN_PROGRESS,
                            new Sealed("v1.eA"), "w", later), later);
                    events.publish(referral, new ReferralResumed(referral, ReferralStatus.IN_PROGRESS, "w", later), later);
                }
                if (i < 6) {
                    // The seventh is still in progress.
                    events.publish(referral, new ReferralCompleted(referral,
                            i < 5 ? ReferralOutcome.GOAL_MET : ReferralOutcome.NOT_MET, null, "w", later), later);
                }
            }
        }
        String path = "/api/v1/reports/referrals?municipality=Kangasala&from=2025-04-01&to=2025-04-30&groupBy=AGENCY";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> rows = getList(path, TOKENS.coordinator("c"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("made", 7).containsEntry("completed", 6)
                    .containsEntry("goalMet", 5).containsEntry("partlyMet", 0).containsEntry("notMet", 1)
                    .containsEntry("familyWithdrew", 0).containsEntry("onHold", 2).containsEntry("handovers", 7);
        });
        Map<String, Object> analyst = getList(path, TOKENS.analyst("a")).get(0);
        // notMet 1 is small; with completed 6 and goalMet 5 both shown it would be 6 - 5: one of them is withheld.
        assertThat(analyst).containsEntry("notMet", "<5").containsEntry("onHold", "<5")
                .containsEntry("handovers", 7).containsEntry("partlyMet", 0).containsEntry("familyWithdrew", 0);
        assertThat(List.of(analyst.get("completed"), analyst.get("goalMet"))).contains("suppressed");

        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.setBearerAuth(TOKENS.coordinator("c"));
        csvHeaders.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        String csv = http.exchange(path, HttpMethod.GET, new HttpEntity<>(csvHeaders), String.class).getBody();
        assertThat(csv).contains("goalMet,partlyMet,notMet,familyWithdrew,onHold,handovers")
                .contains(",5,0,1,0,2,7,");
    }

    private ResponseEntity<Map> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    private List<Map<String, Object>> getList(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), List.class).getBody();
    }
}
