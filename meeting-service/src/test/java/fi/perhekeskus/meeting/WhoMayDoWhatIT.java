package fi.perhekeskus.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * "Who may do what in meeting-service" (docs/contract.md), rule by rule, against the party each rule must
 * refuse: a foreign agency, a wrong role, the right agency without consent, an erased family, a
 * withdrawn or expired consent, unknown ids. Every refusal is problem+json and stores no event.
 * What the service knows of families and consents arrives from the referral topic, so each
 * scenario first publishes it there and waits until it has arrived.
 */
@MeetingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoMayDoWhatIT {

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();
    static final UUID SOCIAL = UUID.randomUUID();
    static final UUID FOREIGN = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate NEXT_YEAR = TODAY.plusYears(1);

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

    MeetingApi api;
    ReferralTopic topic;
    /** Run by the clinic and the NGO; its one session is facilitated by the clinic alone. */
    String programme;
    String session;

    @BeforeAll
    void setUp() {
        api = new MeetingApi(http, jdbc, security);
        topic = new ReferralTopic(objectMapper, parties, parties);
        topic.agencies(CLINIC, NGO, SOCIAL, FOREIGN);
        Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(),
                programmeBody(List.of(CLINIC, NGO), List.of(CLINIC)));
        programme = (String) scheduled.get("id");
        session = ((List<String>) scheduled.get("sessionIds")).get(0);
    }

    @AfterAll
    void tearDown() {
        topic.close();
    }

    // --- enrolment ---------------------------------------------------------------------------

    @Test
    void aWorkerOfAProgrammeAgencyThatTheFamilysConsentCoversEnrolsIt() {
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC);

        assertThat(api.expect(201, POST, enrolments(), api.worker(CLINIC), enrol(family)))
                .containsEntry("status", "ENROLLED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> enrolled = (List<Map<String, Object>>) api.expect(200, GET,
                    "/api/v1/programmes/" + programme, api.worker(NGO), null).get("enrolled");
            assertThat(enrolled).extracting(p -> (Object) p.get("familyId")).contains(family.toString());
        });
    }

    @Test
    void aForeignAgencyIsToldTheProgrammeDoesNotExist() {
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC, FOREIGN);

        Map<String, Object> foreign = api.refused(404, POST, enrolments(), api.worker(FOREIGN), enrol(family));
        Map<String, Object> unknown = api.refused(404, POST, "/api/v1/programmes/" + UUID.randomUUID() + "/enrolments",
                api.worker(CLINIC), enrol(family));
        assertThat(foreign.get("detail")).isEqualTo(unknown.get("detail"));
    }

    @Test
    void anAgencyTheConsentDoesNotCoverCannotTellAnErasedOrWithdrawnFamilyFromAnUnknownId() {
        Map<String, Object> unknown = api.refused(404, POST, enrolments(), api.worker(CLINIC), enrol(UUID.randomUUID()));

        UUID coversOthers = topic.family(SOCIAL);
        topic.consent(coversOthers, NEXT_YEAR, NGO);
        UUID erased = topic.family(SOCIAL);
        topic.consent(erased, NEXT_YEAR, CLINIC);
        topic.erase(erased);
        UUID withdrawn = topic.family(SOCIAL);
        UUID consent = topic.consent(withdrawn, NEXT_YEAR, CLINIC);
        topic.withdraw(withdrawn, consent, CLINIC);
        UUID expired = topic.family(SOCIAL);
        topic.consent(expired, TODAY.minusDays(1), CLINIC);

        for (UUID family : List.of(coversOthers, erased, withdrawn, expired)) {
            assertThat(api.refused(404, POST, enrolments(), api.worker(CLINIC), enrol(family)))
                    .as("family %s", family).containsEntry("detail", unknown.get("detail"))
                    .containsEntry("title", unknown.get("title"));
        }
        // A foreign agency sees for the erased family what it sees for any family.
        assertThat(api.refused(404, POST, enrolments(), api.worker(FOREIGN), enrol(erased)).get("detail"))
                .isEqualTo(api.refused(404, POST, enrolments(), api.worker(FOREIGN), enrol(UUID.randomUUID()))
                        .get("detail"));
    }

    @Test
    void theAgencyThatRegisteredTheFamilyIsToldThatNoConsentCoversIt() {
        UUID family = topic.family(CLINIC);
        topic.consent(family, NEXT_YEAR, NGO);

        assertThat(api.refused(422, POST, enrolments(), api.worker(CLINIC), enrol(family)).get("detail"))
                .isEqualTo("mikään perheen voimassa oleva suostumus ei kata toimijaasi");
        topic.erase(family);
        api.refused(404, POST, enrolments(), api.worker(CLINIC), enrol(family));
    }

    @Test
    void onlyWorkersEnrol() {
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC);

        api.refused(403, POST, enrolments(), api.coordinator(), enrol(family));
        api.refused(403, POST, enrolments(), api.analyst(), enrol(family));
    }

    @Test
    void anEnrolmentIsCancelledByAProgrammeAgencyOrACoordinatorOnly() {
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC);
        api.expect(201, POST, enrolments(), api.worker(CLINIC), enrol(family));

        api.refused(404, DELETE, enrolments() + "/" + family, api.worker(FOREIGN), null);
        api.refused(403, DELETE, enrolments() + "/" + family, api.analyst(), null);
        api.refused(404, DELETE, enrolments() + "/" + UUID.randomUUID(), api.worker(NGO), null);
        api.expect(204, DELETE, enrolments() + "/" + family, api.worker(NGO), null);

        api.expect(201, POST, enrolments(), api.worker(CLINIC), enrol(family));
        api.expect(204, DELETE, enrolments() + "/" + family, api.coordinator(), null);
    }

    // --- attendance and feedback -------------------------------------------------------------

    @Test
    void attendanceAndFeedbackAreRecordedByAWorkerOfAFacilitatingAgencyOnly() {
        // The first session began an hour ago; the second is a week ahead.
        Map<String, Object> body = programmeBody(List.of(CLINIC, NGO), List.of(CLINIC));
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) body.get("sessions");
        Instant began = Instant.now().minus(1, ChronoUnit.HOURS);
        sessions.add(new HashMap<>(sessions.get(0)));
        sessions.get(0).put("startsAt", began.toString());
        sessions.get(0).put("endsAt", began.plus(2, ChronoUnit.HOURS).toString());
        Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(), body);
        String own = (String) scheduled.get("id");
        String sessionId = ((List<String>) scheduled.get("sessionIds")).get(0);
        String ahead = ((List<String>) scheduled.get("sessionIds")).get(1);
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC);
        api.expect(201, POST, "/api/v1/programmes/" + own + "/enrolments", api.worker(CLINIC), enrol(family));
        String attendance = "/api/v1/sessions/" + sessionId + "/attendance";
        Map<String, Object> came = Map.of("families", List.of(Map.of("familyId", family, "adults", 2, "fathers", 1,
                "children", 1)));

        api.refused(403, POST, attendance, api.coordinator(), came);
        api.refused(403, POST, attendance, api.worker(NGO), came);
        api.refused(404, POST, attendance, api.worker(FOREIGN), came);
        api.refused(404, POST, "/api/v1/sessions/" + UUID.randomUUID() + "/attendance", api.worker(CLINIC), came);
        // Nothing to correct before it is recorded, and nothing to record before the session starts.
        api.refused(409, PUT, attendance, api.worker(CLINIC), came);
        api.refused(422, POST, "/api/v1/sessions/" + ahead + "/attendance", api.worker(CLINIC), came);
        api.expect(200, POST, attendance, api.worker(CLINIC), came);

        // A correction replaces the recorded attendance, by the same parties only.
        Map<String, Object> corrected = Map.of("families", List.of(Map.of("familyId", family, "adults", 1,
                "fathers", 0, "children", 1)));
        api.refused(403, PUT, attendance, api.coordinator(), corrected);
        api.refused(403, PUT, attendance, api.worker(NGO), corrected);
        api.refused(404, PUT, attendance, api.worker(FOREIGN), corrected);
        api.refused(404, PUT, "/api/v1/sessions/" + UUID.randomUUID() + "/attendance", api.worker(CLINIC), corrected);
        api.refused(422, PUT, attendance, api.worker(CLINIC), Map.of("families", List.of(Map.of(
                "familyId", UUID.randomUUID(), "adults", 1, "fathers", 0, "children", 1))));
        api.expect(200, PUT, attendance, api.worker(CLINIC), corrected);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ((List<Map<String, Object>>) api.expect(200, GET, "/api/v1/programmes/" + own, api.worker(CLINIC), null)
                        .get("sessions")).get(0)).containsEntry("familiesWithFather", 0).containsEntry("families", 1));

        String feedback = "/api/v1/sessions/" + sessionId + "/feedback";
        Map<String, Object> answers = Map.of("timingSuited", "YES", "contentMetNeeds", "YES", "infoMatchedChildAge", "NO");
        api.refused(403, POST, feedback, api.coordinator(), answers);
        api.refused(403, POST, feedback, api.worker(NGO), answers);
        api.refused(404, POST, feedback, api.worker(FOREIGN), answers);
        api.expect(201, POST, feedback, api.worker(CLINIC), answers);
    }

    // --- network meetings --------------------------------------------------------------------

    @Test
    void aNetworkMeetingIsRecordedByAListedAgencyOnAConsentAndReadByItsAgenciesOnly() {
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC, NGO);

        UUID meeting = api.created("/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, List.of(CLINIC, NGO), null));
        Map<String, Object> read = awaitMeeting(meeting, NGO);
        assertThat(read).containsEntry("familyId", family.toString()).doesNotContainKey("legalBasis");
        assertThat((List<Map<String, Object>>) read.get("agreedActions")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("action", "Kotikäynti, unirytmi").containsEntry("agencyId",
                        CLINIC.toString()));

        api.refused(404, GET, "/api/v1/network-meetings/" + meeting, api.worker(FOREIGN), null);
        api.refused(404, GET, "/api/v1/network-meetings/" + UUID.randomUUID(), api.worker(CLINIC), null);
        api.refused(403, GET, "/api/v1/network-meetings/" + meeting, api.coordinator(), null);
        api.refused(403, POST, "/api/v1/network-meetings", api.coordinator(), meetingBody(family, List.of(CLINIC, NGO), null));
    }

    @Test
    void anAgencysAgreedActionsAreListedDueAndOverdueToItsOwnWorkersOnly() {
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC, NGO);
        Map<String, Object> body = meetingBody(family, List.of(CLINIC, NGO), null);
        body.put("heldOn", TODAY.minusDays(20));
        body.put("agreedActions", List.of(
                Map.of("agencyId", CLINIC, "action", "Kotikäynti", "due", TODAY.minusDays(1)),
                Map.of("agencyId", CLINIC, "action", "Soitto perheelle", "due", TODAY.plusDays(7)),
                Map.of("agencyId", NGO, "action", "Vertaisryhmä", "due", TODAY.plusDays(3))));
        UUID meeting = api.created("/api/v1/network-meetings", api.worker(CLINIC), body);
        String clinicActions = "/api/v1/network-meetings/actions?agencyId=" + CLINIC;

        // Read right after the write: its own actions, soonest due first, the overdue one marked.
        List<Map<String, Object>> all = api.list(clinicActions, api.worker(CLINIC)).stream()
                .filter(a -> a.get("meetingId").equals(meeting.toString())).toList();
        assertThat(all).extracting(a -> a.get("action")).containsExactly("Kotikäynti", "Soitto perheelle");
        assertThat(all).extracting(a -> a.get("overdue")).containsExactly(true, false);
        assertThat(all.get(0)).containsEntry("familyId", family.toString()).containsEntry("due",
                TODAY.minusDays(1).toString());
        assertThat(api.list(clinicActions + "&overdue=true", api.worker(CLINIC)))
                .allSatisfy(a -> assertThat(a).containsEntry("overdue", true))
                .anySatisfy(a -> assertThat(a).containsEntry("meetingId", meeting.toString()));
        assertThat(api.list("/api/v1/network-meetings/actions?agencyId=" + NGO, api.worker(NGO)))
                .filteredOn(a -> a.get("meetingId").equals(meeting.toString()))
                .extracting(a -> a.get("action")).containsExactly("Vertaisryhmä");

        api.refused(403, GET, clinicActions, api.worker(NGO), null);
        api.refused(403, GET, clinicActions, api.worker(FOREIGN), null);
        api.refused(403, GET, clinicActions, api.coordinator(), null);
        api.refused(401, GET, clinicActions, null, null);
        api.refused(400, GET, "/api/v1/network-meetings/actions?agencyId=not-a-uuid", api.worker(CLINIC), null);
        api.refused(400, GET, "/api/v1/network-meetings/actions", api.worker(CLINIC), null);
        // Paged like every list of the contract, in the same order.
        List<Map<String, Object>> every = api.list(clinicActions + "&limit=500", api.worker(CLINIC));
        assertThat(api.list(clinicActions + "&limit=1&offset=1", api.worker(CLINIC))).containsExactly(every.get(1));
        for (String outside : List.of("limit=0", "limit=501", "offset=-1", "offset=100001")) {
            api.refused(400, GET, clinicActions + "&" + outside, api.worker(CLINIC), null);
        }
    }

    @Test
    void anAgencyTheConsentDoesNotCoverTakesPartOnlyOnARecordedLegalBasis() {
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC, NGO);

        assertThat(api.refused(422, POST, "/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, List.of(CLINIC, FOREIGN), null)).get("detail").toString())
                .contains(FOREIGN.toString());
        UUID meeting = api.created("/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, List.of(CLINIC, FOREIGN), "Lastensuojelulaki 25 §: ilmoitusvelvollisuus"));
        assertThat(awaitMeeting(meeting, FOREIGN))
                .containsEntry("legalBasis", "Lastensuojelulaki 25 §: ilmoitusvelvollisuus")
                .containsEntry("agenciesByLegalBasis", List.of(FOREIGN.toString()));
    }

    @Test
    void aNetworkMeetingIsRefusedToWhomTheFamilyIsHiddenAsForAnUnknownFamily() {
        UUID family = topic.family(SOCIAL);
        UUID consent = topic.consent(family, NEXT_YEAR, CLINIC, NGO);
        String detail = (String) api.refused(404, POST, "/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(UUID.randomUUID(), List.of(CLINIC, NGO), null)).get("detail");

        // A recorder the consent does not cover.
        assertThat(api.refused(404, POST, "/api/v1/network-meetings", api.worker(FOREIGN),
                meetingBody(family, List.of(FOREIGN, CLINIC), null))).containsEntry("detail", detail);
        // The recorder took part.
        api.refused(422, POST, "/api/v1/network-meetings", api.worker(SOCIAL), meetingBody(family, List.of(CLINIC, NGO), null));
        // The registering agency knows the family: it is told what is missing.
        api.refused(422, POST, "/api/v1/network-meetings", api.worker(SOCIAL), meetingBody(family, List.of(SOCIAL, CLINIC), null));

        UUID before = api.created("/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, List.of(CLINIC, NGO), null));
        awaitMeeting(before, CLINIC);
        topic.withdraw(family, consent, CLINIC);
        assertThat(api.refused(404, POST, "/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, List.of(CLINIC, NGO), null))).containsEntry("detail", detail);

        topic.erase(family);
        assertThat(api.refused(404, POST, "/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, List.of(CLINIC, NGO), "Lastensuojelulaki 25 §"))).containsEntry("detail", detail);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat((List<Map<String, Object>>) api.expect(200, GET, "/api/v1/network-meetings/" + before,
                        api.worker(NGO), null).get("agreedActions"))
                        .allSatisfy(a -> assertThat(a).containsEntry("action", "[erased]")));
    }

    // --- open places -------------------------------------------------------------------------

    @Test
    void openPlacesAreRegisteredByACoordinatorForARegisteredAgency() {
        api.created("/api/v1/open-places", api.coordinator(), placeBody(NGO));
        api.refused(422, POST, "/api/v1/open-places", api.coordinator(), placeBody(UUID.randomUUID()));
        api.refused(403, POST, "/api/v1/open-places", api.worker(NGO), placeBody(NGO));
    }

    @Test
    void visitsAreRecordedOncePerDateByThePlacesAgencyAndCorrectedWithPut() {
        UUID place = api.created("/api/v1/open-places", api.coordinator(), placeBody(NGO));
        String visits = "/api/v1/open-places/" + place + "/visits";

        api.expect(201, POST, visits, api.worker(NGO), visitsBody(TODAY, 6));
        api.refused(409, POST, visits, api.worker(NGO), visitsBody(TODAY, 7));
        assertThat(api.expect(200, PUT, visits, api.worker(NGO), visitsBody(TODAY, 7))).containsEntry("families", 7);
        api.refused(404, PUT, visits, api.worker(NGO), visitsBody(TODAY.minusDays(3), 7));
        api.refused(403, POST, visits, api.worker(CLINIC), visitsBody(TODAY.minusDays(1), 2));
        api.refused(403, PUT, visits, api.worker(CLINIC), visitsBody(TODAY, 2));
        api.refused(403, POST, visits, api.coordinator(), visitsBody(TODAY.minusDays(1), 2));
        api.refused(404, POST, "/api/v1/open-places/" + UUID.randomUUID() + "/visits", api.worker(NGO),
                visitsBody(TODAY, 2));
    }

    // --- bounds ------------------------------------------------------------------------------

    @Test
    void everyRequestIsBoundedAndAnOverrunNamesTheField() {
        List<UUID> agencies21 = new ArrayList<>(Collections.nCopies(21, CLINIC));
        Map<String, Object> tooManyAgencies = programmeBody(agencies21, List.of(CLINIC));
        assertField("agencyIds", POST, "/api/v1/programmes", api.coordinator(), tooManyAgencies);
        Map<String, Object> manySessions = programmeBody(List.of(CLINIC), List.of(CLINIC));
        manySessions.put("sessions", Collections.nCopies(21, ((List<?>) manySessions.get("sessions")).get(0)));
        assertField("sessions", POST, "/api/v1/programmes", api.coordinator(), manySessions);
        Map<String, Object> longTopic = programmeBody(List.of(CLINIC), List.of(CLINIC));
        ((Map<String, Object>) ((List<?>) longTopic.get("sessions")).get(0)).put("topic", "x".repeat(201));
        assertField("sessions[0].topic", POST, "/api/v1/programmes", api.coordinator(), longTopic);
        Map<String, Object> farFuture = programmeBody(List.of(CLINIC), List.of(CLINIC));
        ((Map<String, Object>) ((List<?>) farFuture.get("sessions")).get(0)).put("startsAt", "+20260-01-01T10:00:00Z");
        assertField("sessions[0].startsAt", POST, "/api/v1/programmes", api.coordinator(), farFuture);
        Map<String, Object> longName = programmeBody(List.of(CLINIC), List.of(CLINIC));
        longName.put("location", "x".repeat(201));
        assertField("location", POST, "/api/v1/programmes", api.coordinator(), longName);

        List<Map<String, Object>> families51 = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            families51.add(Map.of("familyId", UUID.randomUUID(), "adults", 1, "fathers", 0, "children", 1));
        }
        assertField("families", POST, "/api/v1/sessions/" + session + "/attendance", api.worker(CLINIC),
                Map.of("families", families51));
        assertField("comment", POST, "/api/v1/sessions/" + session + "/feedback", api.worker(CLINIC),
                Map.of("timingSuited", "YES", "contentMetNeeds", "YES", "infoMatchedChildAge", "NO",
                        "comment", "x".repeat(2001)));

        UUID family = UUID.randomUUID();
        Map<String, Object> needs = meetingBody(family, List.of(CLINIC, NGO), null);
        needs.put("needsAssessed", Collections.nCopies(51, "SLEEP"));
        assertField("needsAssessed", POST, "/api/v1/network-meetings", api.worker(CLINIC), needs);
        Map<String, Object> actions = meetingBody(family, List.of(CLINIC, NGO), null);
        actions.put("agreedActions", Collections.nCopies(51, ((List<?>) actions.get("agreedActions")).get(0)));
        assertField("agreedActions", POST, "/api/v1/network-meetings", api.worker(CLINIC), actions);
        Map<String, Object> longAction = meetingBody(family, List.of(CLINIC, NGO), null);
        longAction.put("agreedActions", List.of(Map.of("agencyId", CLINIC, "action", "x".repeat(2001), "due",
                TODAY.plusDays(7))));
        assertField("agreedActions[0].action", POST, "/api/v1/network-meetings", api.worker(CLINIC), longAction);
        assertField("legalBasis", POST, "/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, List.of(CLINIC, NGO), "x".repeat(2001)));
        assertField("agencyIds", POST, "/api/v1/network-meetings", api.worker(CLINIC),
                meetingBody(family, new ArrayList<>(Collections.nCopies(21, CLINIC)), null));
        Map<String, Object> noDate = meetingBody(family, List.of(CLINIC, NGO), null);
        noDate.remove("heldOn");
        assertField("heldOn", POST, "/api/v1/network-meetings", api.worker(CLINIC), noDate);

        Map<String, Object> longPlace = placeBody(NGO);
        longPlace.put("name", "x".repeat(201));
        assertField("name", POST, "/api/v1/open-places", api.coordinator(), longPlace);
        Map<String, Object> longHours = placeBody(NGO);
        longHours.put("openingHours", "x".repeat(2001));
        assertField("openingHours", POST, "/api/v1/open-places", api.coordinator(), longHours);
        String visits = "/api/v1/open-places/" + UUID.randomUUID() + "/visits";
        assertField("families", POST, visits, api.worker(NGO), visitsBody(TODAY, 1001));
        assertField("date", POST, visits, api.worker(NGO), visitsBody(LocalDate.of(2300, 1, 1), 1));
        Map<String, Object> noCount = visitsBody(TODAY, 1);
        noCount.remove("adults");
        assertField("adults", PUT, visits, api.worker(NGO), noCount);
    }

    private void assertField(String field, HttpMethod method, String path, String token, Object body) {
        Map<String, Object> problem = api.refused(400, method, path, token, body);
        assertThat((List<Map<String, Object>>) problem.get("errors")).as("errors of %s %s", method, path)
                .extracting(e -> e.get("field")).contains(field);
    }

    // --- bodies ------------------------------------------------------------------------------

    private String enrolments() {
        return "/api/v1/programmes/" + programme + "/enrolments";
    }

    private static Map<String, Object> enrol(UUID family) {
        return Map.of("familyId", family, "source", "SELF");
    }

    private static Map<String, Object> programmeBody(List<UUID> agencies, List<UUID> facilitators) {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> firstSession = new HashMap<>(Map.of("startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", "Vauvan uni",
                "facilitatorAgencyIds", facilitators));
        return new HashMap<>(Map.of("name", "Meidän vauva", "serviceId", UUID.randomUUID(), "agencyIds", agencies,
                "location", "Hervannan perhekeskus", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", new ArrayList<>(List.of(firstSession))));
    }

    private static Map<String, Object> meetingBody(UUID family, List<UUID> agencies, String legalBasis) {
        Map<String, Object> body = new HashMap<>(Map.of("familyId", family, "agencyIds", agencies, "heldOn", TODAY,
                "needsAssessed", List.of("SLEEP"), "agreedActions", List.of(Map.of("agencyId", agencies.get(0),
                        "action", "Kotikäynti, unirytmi", "due", TODAY.plusDays(14)))));
        if (legalBasis != null) {
            body.put("legalBasis", legalBasis);
        }
        return body;
    }

    private static Map<String, Object> placeBody(UUID agency) {
        return new HashMap<>(Map.of("name", "Perhekahvila Vilske", "agencyId", agency, "municipality", "Tampere",
                "address", "Hervannan valtaväylä 9", "openingHours", "ma–to 9–12"));
    }

    private static Map<String, Object> visitsBody(LocalDate date, int families) {
        return new HashMap<>(Map.of("date", date.toString(), "families", families, "adults", families,
                "children", families + 1));
    }

    private Map<String, Object> awaitMeeting(UUID meeting, UUID agency) {
        // The meeting is read from a view that follows the event store a moment behind.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.call(GET, "/api/v1/network-meetings/" + meeting,
                api.worker(agency), null).getStatusCode().value() == 200);
        return api.expect(200, GET, "/api/v1/network-meetings/" + meeting, api.worker(agency), null);
    }
}
