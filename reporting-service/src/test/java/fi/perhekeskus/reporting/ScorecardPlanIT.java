package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.ProgrammesPlanned;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
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
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scorecard's year plan from meeting-service's ProgrammesPlanned on the real topics (delivered
 * twice): per group service of the organizer, series and families planned against the series
 * scheduled and held and the families enrolled; another organizer's plan and another year's stay out;
 * a small service's enrolled families cannot be worked out from the card's total.
 */
@ReportingServiceIT
class ScorecardPlanIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void theYearsPlanIsSetAgainstTheSeriesScheduledAndHeld() {
        String organizer = "Kangasalan kunta " + UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID babies = UUID.randomUUID();
        UUID fathers = UUID.randomUUID();
        UUID unplanned = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        Instant t0 = Instant.parse("2027-01-10T08:00:00Z");
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(agency, new AgencyRegistered(agency, "Kangasalan perhekeskus", OrganizerType.MUNICIPALITY,
                    organizer, "Kangasala", List.of("Kangasala"), "c", t0), t0);
            events.publish(other, new AgencyRegistered(other, "Muu järjestö", OrganizerType.NGO, "Muu " + organizer,
                    "Kangasala", List.of("Kangasala"), "c", t0), t0);
            for (UUID service : List.of(babies, fathers, unplanned)) {
                events.publish(service, new ServiceListed(service, agency, service == babies ? "Vauvaryhmä"
                        : service == fathers ? "Isäryhmä" : "Perhekerho", ServiceKind.GROUP, NeedLevel.GREEN, 0, 24,
                        List.of("Kangasala"), List.of("fi"), null, "c", t0), t0);
            }
            events.publish(foreign, new ServiceListed(foreign, other, "Muu ryhmä", ServiceKind.GROUP, NeedLevel.GREEN,
                    0, 24, List.of("Kangasala"), List.of("fi"), null, "c", t0), t0);
            UUID babiesPlan = UUID.randomUUID();
            ProducerRecord<String, byte[]> plan = events.publish(babiesPlan, new ProgrammesPlanned(babiesPlan, babies,
                    2027, 4, 10, "c", t0), t0);
            events.send(plan);
            UUID fathersPlan = UUID.randomUUID();
            events.publish(fathersPlan, new ProgrammesPlanned(fathersPlan, fathers, 2027, 2, 8, "c", t0), t0);
            UUID nextYear = UUID.randomUUID();
            events.publish(nextYear, new ProgrammesPlanned(nextYear, babies, 2028, 6, 10, "c", t0), t0);
            UUID foreignPlan = UUID.randomUUID();
            events.publish(foreignPlan, new ProgrammesPlanned(foreignPlan, foreign, 2027, 3, 10, "c", t0), t0);
            // Vauvaryhmä: two series scheduled, one held, 9 families; Perhekerho (no plan): one series, 3 families.
            series(events, babies, agency, t0.plus(30, ChronoUnit.DAYS), 6, true);
            series(events, babies, agency, t0.plus(200, ChronoUnit.DAYS), 3, false);
            series(events, unplanned, agency, t0.plus(60, ChronoUnit.DAYS), 3, false);
        }
        String path = UriComponentsBuilder.fromPath("/api/v1/reports/scorecard").queryParam("organizer", organizer)
                .queryParam("year", 2027).encode().toUriString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> card = json(path, TOKENS.coordinator("c"));
            assertThat(card).containsEntry("programmes", 3).containsEntry("enrolledFamilies", 12);
            List<Map<String, Object>> plan = (List<Map<String, Object>>) card.get("plan");
            assertThat(plan).extracting(row -> row.get("service")).containsExactly("Isäryhmä", "Perhekerho", "Vauvaryhmä");
            assertThat(plan.get(0)).containsEntry("serviceId", fathers.toString()).containsEntry("year", 2027)
                    .containsEntry("plannedSeries", 2).containsEntry("plannedFamiliesPerSeries", 8)
                    .containsEntry("plannedFamilies", 16).containsEntry("scheduledSeries", 0)
                    .containsEntry("heldSeries", 0).containsEntry("enrolledFamilies", 0);
            assertThat(plan.get(1)).doesNotContainKeys("plannedSeries", "plannedFamilies")
                    .containsEntry("scheduledSeries", 1).containsEntry("heldSeries", 0).containsEntry("enrolledFamilies", 3);
            assertThat(plan.get(2)).containsEntry("plannedSeries", 4).containsEntry("plannedFamilies", 40)
                    .containsEntry("scheduledSeries", 2).containsEntry("heldSeries", 1).containsEntry("enrolledFamilies", 9);
        });
        // An analyst: Perhekerho's 3 read "<5"; with the total 12 and Vauvaryhmä's 9 shown it would be 12 - 9.
        Map<String, Object> analyst = json(path, TOKENS.analyst("a"));
        List<Map<String, Object>> plan = (List<Map<String, Object>>) analyst.get("plan");
        assertThat(plan.get(1)).containsEntry("enrolledFamilies", Suppression.SMALL);
        assertThat(List.of(analyst.get("enrolledFamilies"), plan.get(2).get("enrolledFamilies")))
                .contains(Suppression.WITHHELD);
        assertThat(plan.get(2)).containsEntry("plannedFamilies", 40).containsEntry("scheduledSeries", 2);

        // All organizers: the other organizer's plan is there too, next year's is not.
        String all = UriComponentsBuilder.fromPath("/api/v1/reports/scorecard").queryParam("year", 2027).encode()
                .toUriString();
        List<Map<String, Object>> everyPlan = (List<Map<String, Object>>) json(all, TOKENS.coordinator("c")).get("plan");
        assertThat(everyPlan).anySatisfy(row -> assertThat(row).containsEntry("serviceId", foreign.toString())
                .containsEntry("plannedSeries", 3));
        assertThat(everyPlan).noneSatisfy(row -> assertThat(row).containsEntry("serviceId", babies.toString())
                .containsEntry("plannedSeries", 6));
    }

    private static void series(EventPublisher events, UUID service, UUID agency, Instant start, int families,
                               boolean held) {
        UUID programme = UUID.randomUUID();
        ProgrammeScheduled.Session session = new ProgrammeScheduled.Session(UUID.randomUUID(), start,
                start.plus(2, ChronoUnit.HOURS), "ilta", List.of(agency));
        events.publish(programme, new ProgrammeScheduled(programme, "Sarja", service, List.of(agency), "Kangasala", 10,
                10, 0, 24, List.of(session), "c", start), start);
        List<GroupSessionHeld.Attendance> came = new java.util.ArrayList<>();
        for (int f = 0; f < families; f++) {
            UUID family = UUID.randomUUID();
            events.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.SELF, null, false, "w", start),
                    start);
            came.add(new GroupSessionHeld.Attendance(family, 1, 0, 1));
        }
        if (held) {
            events.publish(programme, new GroupSessionHeld(programme, session.sessionId(), came, "w", start), start);
        }
    }

    private Map<String, Object> json(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(URI.create(path), HttpMethod.GET, new HttpEntity<>(headers), Map.class).getBody();
    }
}
