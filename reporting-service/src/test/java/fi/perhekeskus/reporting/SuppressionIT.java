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
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.reporting.suppression.Reader;
import fi.perhekeskus.reporting.suppression.Relation;
import fi.perhekeskus.reporting.suppression.Suppression;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Suppression against subtraction and CSV formula neutralising, through HTTP on real events: for each
 * report, JSON and CSV, an analyst's figures are read back by an independent {@link Reader} with the
 * relations a reader knows, and no hidden count can be worked out; names that are formulas come out
 * as text in every CSV that carries them.
 */
@ReportingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuppressionIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"open\")";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;

    private final UUID agency = UUID.randomUUID();
    private final UUID service = UUID.randomUUID();
    private final UUID programme = UUID.randomUUID();
    private final String municipality = "Orivesi-" + UUID.randomUUID().toString().substring(0, 8);
    private final String organizer = FORMULA + " " + UUID.randomUUID();

    @BeforeAll
    void publish() {
        Instant t0 = Instant.parse("2024-05-06T08:00:00Z");
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(agency, new AgencyRegistered(agency, FORMULA, OrganizerType.NGO, organizer, municipality,
                    List.of(municipality), "c", t0), t0);
            events.publish(service, new ServiceListed(service, agency, "+SUM(1)", ServiceKind.GROUP, NeedLevel.YELLOW,
                    0, 216, List.of(municipality), List.of("fi"), null, "c", t0), t0);
            // made 7 = green 0 + yellow 5 + red 2; 3 of them accepted.
            for (int i = 0; i < 7; i++) {
                UUID referral = UUID.randomUUID();
                Instant made = t0.plus(i, ChronoUnit.HOURS);
                events.publish(referral, new ReferralMade(referral, UUID.randomUUID(), service, UUID.randomUUID(), agency,
                        municipality, i < 5 ? NeedLevel.YELLOW : NeedLevel.RED, Priority.ROUTINE, new Sealed("v1.eA"),
                        UUID.randomUUID(), null, null, null, "w", made), made);
                events.publish(referral, new ReferralReceived(referral, agency, "w", made.plus(1, ChronoUnit.HOURS)), made);
                if (i < 3) {
                    events.publish(referral, new ReferralAccepted(referral, UUID.randomUUID(), service, agency, null, null,
                            "w", made.plus(5, ChronoUnit.HOURS)), made);
                }
            }
            Instant start = t0.plus(30, ChronoUnit.DAYS);
            UUID session = UUID.randomUUID();
            events.publish(programme, new ProgrammeScheduled(programme, FORMULA, service, List.of(agency), "Keskusta",
                    20, 20, 0, 6, List.of(new ProgrammeScheduled.Session(session, start, start.plus(2, ChronoUnit.HOURS),
                    "ilta", List.of(agency))), "c", start), start);
            for (int f = 0; f < 13; f++) {
                events.publish(programme, new FamilyEnrolled(programme, UUID.randomUUID(), EnrolmentSource.SELF, null,
                        false, "w", start), start);
            }
            // 7 responses: timing all YES; content YES 5, PARTLY 2; child's age YES 6, NO 1.
            for (int f = 0; f < 7; f++) {
                events.publish(programme, new FeedbackGiven(programme, session, UUID.randomUUID(), Answer.YES,
                        f < 5 ? Answer.YES : Answer.PARTLY, f < 6 ? Answer.YES : Answer.NO, null, start), start);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(referralRows(TOKENS.coordinator("c"))).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("made", 7).containsEntry("accepted", 3));
            assertThat(json("/api/v1/reports/programmes/" + programme, TOKENS.coordinator("c"), Map.class))
                    .containsEntry("enrolledFamilies", 13);
        });
    }

    @Test
    void theReferralReportDoesNotLetRedBeWorkedOutFromMadeGreenAndYellow() {
        Map<String, Object> coordinator = referralRows(TOKENS.coordinator("c")).get(0);
        assertThat(coordinator).containsEntry("needGreen", 0).containsEntry("needYellow", 5).containsEntry("needRed", 2)
                .containsEntry("acceptanceRate", 1.0);

        Map<String, Object> analyst = referralRows(TOKENS.analyst("a")).get(0);
        assertThat(analyst).containsEntry("made", 7).containsEntry("needGreen", 0)
                .containsEntry("needYellow", Suppression.WITHHELD).containsEntry("needRed", Suppression.SMALL)
                .containsEntry("accepted", Suppression.SMALL)
                .doesNotContainKeys("acceptanceRate", "medianHoursToAccept");
        assertNothingDerivable(analyst, REFERRAL_RELATIONS);

        List<Map<String, Object>> csv = csvRows(referralPath("AGENCY"), TOKENS.analyst("a"));
        assertThat(csv).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("label", "'" + FORMULA).containsEntry("made", "7")
                    .containsEntry("needYellow", Suppression.WITHHELD).containsEntry("needRed", Suppression.SMALL)
                    .containsEntry("acceptanceRate", "");
            assertNothingDerivable(numbers(row), REFERRAL_RELATIONS);
        });
        assertThat(csvRows(referralPath("SERVICE"), TOKENS.analyst("a")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("label", "'+SUM(1)"));
    }

    @Test
    void theProgrammeReportHidesFeedbackAnswersInPairsAndTheirPercents() {
        Map<String, Object> analyst = json("/api/v1/reports/programmes/" + programme, TOKENS.analyst("a"), Map.class);
        Map<String, Object> feedback = (Map<String, Object>) analyst.get("feedback");
        Map<String, Object> content = (Map<String, Object>) feedback.get("contentMetNeeds");
        assertThat(content).containsEntry("responses", 7);
        assertThat((Map<String, Object>) content.get("PARTLY")).containsEntry("count", Suppression.SMALL)
                .doesNotContainKey("percent");
        assertThat((Map<String, Object>) content.get("YES")).containsEntry("count", Suppression.WITHHELD)
                .doesNotContainKey("percent");
        assertThat((Map<String, Object>) content.get("NO")).containsEntry("count", 0).containsEntry("percent", 0);
        assertThat((Map<String, Object>) ((Map<String, Object>) feedback.get("timingSuited")).get("YES"))
                .containsEntry("count", 7).containsEntry("percent", 100);

        Map<String, Object> cells = new LinkedHashMap<>();
        List<Relation> relations = new ArrayList<>();
        String previous = null;
        for (String question : List.of("timingSuited", "contentMetNeeds", "infoMatchedChildAge")) {
            Map<String, Object> answers = (Map<String, Object>) feedback.get(question);
            cells.put(question, answers.get("responses"));
            for (String answer : List.of("YES", "PARTLY", "NO")) {
                cells.put(question + answer, ((Map<String, Object>) answers.get(answer)).get("count"));
            }
            relations.add(new Relation(question, List.of(question + "YES", question + "PARTLY", question + "NO")));
            if (previous != null) {
                relations.add(new Relation(previous, List.of(question)));
            }
            previous = question;
        }
        assertNothingDerivable(cells, relations);

        // The CSV carries the same figures: feedback rows as metric, question, answer, value, percent.
        List<Map<String, Object>> csv = csvRows("/api/v1/reports/programmes/" + programme, TOKENS.analyst("a"));
        assertThat(csv).anySatisfy(row -> assertThat(row).containsEntry("question", "contentMetNeeds")
                .containsEntry("answer", "YES").containsEntry("value", Suppression.WITHHELD).containsEntry("percent", ""));
        Map<String, Object> fromCsv = new LinkedHashMap<>();
        for (Map<String, Object> row : csv) {
            if ("feedback".equals(row.get("metric"))) {
                fromCsv.put(row.get("question") + "" + row.get("answer"), number(row.get("value")));
            } else if ("responses".equals(row.get("metric"))) {
                fromCsv.put((String) row.get("question"), number(row.get("value")));
            }
        }
        assertThat(fromCsv).isEqualTo(cells);

        assertThat(csvRows("/api/v1/reports/programmes", TOKENS.analyst("a")))
                .anySatisfy(row -> assertThat(row).containsEntry("programmeId", programme.toString())
                        .containsEntry("name", "'" + FORMULA).containsEntry("enrolledFamilies", "13"));
    }

    @Test
    void theScorecardWithholdsRatesOfSmallCountsAndNeutralisesItsOrganizer() {
        String path = UriComponentsBuilder.fromPath("/api/v1/reports/scorecard").queryParam("organizer", organizer)
                .queryParam("year", 2024).encode().toUriString();
        Map<String, Object> coordinator = json(path, TOKENS.coordinator("c"), Map.class);
        assertThat(coordinator).containsEntry("referralsReceived", 7).containsEntry("referralsAccepted", 3)
                .containsEntry("acceptanceRate", 1.0);
        Map<String, Object> analyst = json(path, TOKENS.analyst("a"), Map.class);
        assertThat(analyst).containsEntry("referralsReceived", 7).containsEntry("referralsAccepted", Suppression.SMALL)
                .containsEntry("enrolledFamilies", 13).containsEntry("plannedFamilies", 20).containsEntry("reachRate", 0.65)
                .doesNotContainKeys("acceptanceRate", "medianHoursToAccept");
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String count : List.of("referralsMade", "referralsReceived", "referralsAccepted", "referralsCompleted",
                "referralsEscalated", "plannedFamilies", "enrolledFamilies", "fathersAtSessions", "networkMeetings",
                "openPlaceFamilies", "openPlaceAdults", "openPlaceChildren")) {
            counts.put(count, analyst.get(count));
        }
        // No relation holds between the scorecard's counts: nothing to subtract from.
        assertNothingDerivable(counts, List.of());

        List<Map<String, Object>> csv = csvRows(path, TOKENS.analyst("a"));
        assertThat(csv).singleElement().satisfies(row -> assertThat(row).containsEntry("organizer", "'" + organizer)
                .containsEntry("referralsAccepted", Suppression.SMALL).containsEntry("acceptanceRate", ""));
    }

    private static final List<Relation> REFERRAL_RELATIONS = List.of(
            new Relation("made", List.of("needGreen", "needYellow", "needRed")));

    private static void assertNothingDerivable(Map<String, Object> row, List<Relation> relations) {
        Map<String, Object> cells = new LinkedHashMap<>();
        relations.forEach(r -> r.cells().forEach(c -> cells.put(c, row.get(c))));
        row.forEach((key, value) -> {
            if (value instanceof Number || Reader.isHidden(value)) {
                cells.putIfAbsent(key, value);
            }
        });
        Reader reader = new Reader(cells, relations);
        assertThat(reader.singlyHidden()).as("relations with one hidden cell: %s", cells).isEmpty();
        assertThat(reader.derivable()).as("derivable from %s", cells).isEmpty();
    }

    private static Map<String, Object> numbers(Map<String, Object> csvRow) {
        Map<String, Object> row = new LinkedHashMap<>();
        csvRow.forEach((key, value) -> row.put(key, number(value)));
        return row;
    }

    private static Object number(Object csvValue) {
        String text = (String) csvValue;
        return text.matches("\\d+") ? (Object) Integer.valueOf(text) : text;
    }

    private String referralPath(String groupBy) {
        return UriComponentsBuilder.fromPath("/api/v1/reports/referrals").queryParam("municipality", municipality)
                .queryParam("groupBy", groupBy).encode().toUriString();
    }

    private List<Map<String, Object>> referralRows(String token) {
        return json(referralPath("AGENCY"), token, List.class);
    }

    private <T> T json(String path, String token, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(URI.create(path), HttpMethod.GET, new HttpEntity<>(headers), type).getBody();
    }

    private List<Map<String, Object>> csvRows(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(MediaType.parseMediaType(Csv.MEDIA_TYPE)));
        String body = http.exchange(URI.create(path), HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        List<List<String>> records = CsvProperties.parse(body);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                row.put(records.get(0).get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
