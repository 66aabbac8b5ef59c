package fi.perhekeskus.meeting.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Invitations over HTTP: families and consents arrive from the referral topic as referral-service
 * publishes them, then a programme invites by age and by list, answers are recorded, and the list
 * shows where each invitation stands. Every new {id} endpoint refuses a foreign agency, a wrong role
 * and a caller without a token, storing nothing.
 */
@MeetingServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationsIT {

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();
    static final UUID SOCIAL = UUID.randomUUID();
    static final UUID FOREIGN = UUID.randomUUID();
    static final UUID SERVICE = UUID.randomUUID();
    static final LocalDate NEXT_YEAR = LocalDate.now(ZoneOffset.UTC).plusYears(1);

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
    InvitationExpiry expiry;

    MeetingApi api;
    ReferralTopic topic;

    @BeforeAll
    void setUp() {
        api = new MeetingApi(http, jdbc, security);
        topic = new ReferralTopic(objectMapper, parties, parties);
        topic.agencies(CLINIC, NGO, SOCIAL, FOREIGN);
        topic.service(SERVICE, CLINIC, List.of("Tampere", "Kangasala"));
        await().atMost(Duration.ofSeconds(30)).until(() -> invitees.knowsService(SERVICE));
    }

    @AfterAll
    void tearDown() {
        topic.close();
    }

    @Test
    void familiesInvitedByAgeAndByListAnswerAndTheYesIsEnrolled() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String programme = schedule(start, 10);
        YearMonth firstMonth = YearMonth.from(start.atZone(ZoneOffset.UTC));
        // Target 2 to 6 months at the first session.
        UUID ofAge = family(SOCIAL, "Tampere", firstMonth.minusMonths(4), CLINIC);
        UUID ofAgeAtTheEdge = family(SOCIAL, "Kangasala", firstMonth.minusMonths(6), NGO);
        UUID tooOld = family(SOCIAL, "Tampere", firstMonth.minusMonths(7), CLINIC);
        UUID tooYoung = family(SOCIAL, "Tampere", firstMonth.minusMonths(1), CLINIC);
        UUID elsewhere = family(SOCIAL, "Helsinki", firstMonth.minusMonths(4), CLINIC);
        UUID notCovered = family(SOCIAL, "Tampere", firstMonth.minusMonths(4), FOREIGN);
        UUID erased = family(SOCIAL, "Tampere", firstMonth.minusMonths(4), CLINIC);
        topic.erase(erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> !invitees.knowsFamilyIn(erased, "Tampere"));

        // By age: the families of the age in the service's municipalities covered for one of the programme's
        // agencies, whoever of them asks.
        assertThat(api.expect(201, POST, programme + "/invitations", api.worker(CLINIC), Map.of("byAge", true)))
                .containsEntry("invited", 2);
        assertThat(api.expect(201, POST, programme + "/invitations", api.coordinator(), Map.of("byAge", true)))
                .as("nobody is invited twice").containsEntry("invited", 0);
        assertThat(familiesOf(invitations(programme, api.worker(NGO))))
                .containsExactlyInAnyOrder(ofAge.toString(), ofAgeAtTheEdge.toString())
                .doesNotContain(tooOld.toString(), tooYoung.toString(), elsewhere.toString(), notCovered.toString(),
                        erased.toString());
        assertThat(invitations(programme, api.worker(NGO))).allSatisfy(i -> assertThat(i)
                .containsEntry("status", "INVITED"));

        // By list: a family of any age, once; one invited already is not invited again.
        UUID listed = topic.family(SOCIAL);
        topic.consent(listed, NEXT_YEAR, CLINIC);
        assertThat(api.expect(201, POST, programme + "/invitations", api.worker(CLINIC),
                Map.of("familyIds", List.of(listed, ofAge)))).containsEntry("invited", 1);
        List<Map<String, Object>> all = invitations(programme, api.coordinator());
        assertThat(all).hasSize(3).allSatisfy(i -> assertThat(i).containsEntry("status", "INVITED")
                .containsKeys("invitationId", "invitedAt"));

        // The NGO is not covered for the listed family: as if there were no such invitation.
        String listedAnswer = answerPath(all, listed);
        api.refused(404, POST, listedAnswer, api.worker(NGO), Map.of("answer", "YES"));
        assertThat(api.expect(200, POST, listedAnswer, api.worker(CLINIC), Map.of("answer", "YES")))
                .containsEntry("status", "ENROLLED");
        api.refused(409, POST, listedAnswer, api.worker(CLINIC), Map.of("answer", "NO"));
        String ofAgeAnswer = answerPath(all, ofAge);
        assertThat(api.expect(200, POST, ofAgeAnswer, api.worker(CLINIC), Map.of("answer", "NO")))
                .containsEntry("status", "DECLINED");
        api.refused(409, POST, ofAgeAnswer, api.worker(CLINIC), Map.of("answer", "YES"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> status = statusByFamily(invitations(programme, api.worker(CLINIC)));
            assertThat(status).containsEntry(listed.toString(), "ENROLLED").containsEntry(ofAge.toString(), "DECLINED")
                    .containsEntry(ofAgeAtTheEdge.toString(), "INVITED");
        });
        List<Map<String, Object>> enrolled = (List<Map<String, Object>>) api.expect(200, GET, programme,
                api.worker(NGO), null).get("enrolled");
        assertThat(enrolled).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("familyId", listed.toString()).containsEntry("source", "INVITATION"));
    }

    @Test
    void aYesToAFullProgrammeIsWaitlistedAndAcceptedUntilAPlaceFrees() {
        String programme = schedule(Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 1);
        UUID first = topic.family(SOCIAL);
        topic.consent(first, NEXT_YEAR, CLINIC);
        UUID second = topic.family(SOCIAL);
        topic.consent(second, NEXT_YEAR, CLINIC);
        api.expect(201, POST, programme + "/invitations", api.worker(CLINIC), Map.of("familyIds", List.of(first, second)));
        List<Map<String, Object>> all = invitations(programme, api.worker(CLINIC));
        assertThat(api.expect(200, POST, answerPath(all, first), api.worker(CLINIC), Map.of("answer", "YES")))
                .containsEntry("status", "ENROLLED");
        assertThat(api.expect(200, POST, answerPath(all, second), api.worker(CLINIC), Map.of("answer", "YES")))
                .containsEntry("status", "WAITLISTED");
        assertThat(statusByFamily(invitations(programme, api.worker(CLINIC))))
                .containsEntry(first.toString(), "ENROLLED").containsEntry(second.toString(), "ACCEPTED");

        api.expect(204, org.springframework.http.HttpMethod.DELETE, programme + "/enrolments/" + first,
                api.worker(CLINIC), null);
        assertThat(statusByFamily(invitations(programme, api.worker(CLINIC))))
                .containsEntry(second.toString(), "ENROLLED");
    }

    @Test
    void invitationsStillOpenWhenTheFirstSessionBeginsExpire() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String programme = schedule(start, 10);
        UUID answered = topic.family(SOCIAL);
        topic.consent(answered, NEXT_YEAR, CLINIC);
        UUID silent = topic.family(SOCIAL);
        topic.consent(silent, NEXT_YEAR, CLINIC);
        api.expect(201, POST, programme + "/invitations", api.worker(CLINIC),
                Map.of("familyIds", List.of(answered, silent)));
        List<Map<String, Object>> all = invitations(programme, api.worker(CLINIC));
        api.expect(200, POST, answerPath(all, answered), api.worker(CLINIC), Map.of("answer", "NO"));

        // Nothing is due before the first session; at its start the open one expires, once.
        long before = eventsOf(programme);
        expiry.expireDue(start.minusSeconds(1));
        assertThat(eventsOf(programme)).as("nothing expires before the first session").isEqualTo(before);
        assertThat(expiry.expireDue(start)).isGreaterThanOrEqualTo(1);
        long events = eventsOf(programme);
        assertThat(events).isEqualTo(before + 1);
        expiry.expireDue(start);
        assertThat(eventsOf(programme)).as("a second sweep expires nothing").isEqualTo(events);

        assertThat(statusByFamily(invitations(programme, api.worker(NGO))))
                .containsEntry(silent.toString(), "EXPIRED").containsEntry(answered.toString(), "DECLINED");
        api.refused(409, POST, answerPath(all, silent), api.worker(CLINIC), Map.of("answer", "YES"));
    }

    @Test
    void aMovedFirstSessionMovesTheEndOfItsInvitations() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> scheduled = api.expect(201, POST, "/api/v1/programmes", api.coordinator(),
                programmeBody(start, 10));
        String programme = "/api/v1/programmes/" + scheduled.get("id");
        String session = ((List<String>) scheduled.get("sessionIds")).get(0);
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC);
        api.expect(201, POST, programme + "/invitations", api.worker(CLINIC), Map.of("familyIds", List.of(family)));
        Instant later = start.plus(1, ChronoUnit.DAYS);
        api.expect(204, POST, programme + "/sessions/" + session + "/reschedule", api.coordinator(), Map.of(
                "startsAt", later.toString(), "endsAt", later.plus(2, ChronoUnit.HOURS).toString(),
                "reasonCode", "HOLIDAY"));

        long before = eventsOf(programme);
        expiry.expireDue(start);
        assertThat(eventsOf(programme)).as("not expired at the old start").isEqualTo(before);
        expiry.expireDue(later);
        assertThat(eventsOf(programme)).as("expired at the new start").isEqualTo(before + 1);
        assertThat(statusByFamily(invitations(programme, api.worker(CLINIC)))).containsEntry(family.toString(),
                "EXPIRED");
    }

    @Test
    void theListIsBoundedAndTheBodyIsEitherAListOrByAge() {
        String programme = schedule(Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 10);
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC);
        String invitations = programme + "/invitations";
        api.refused(400, POST, invitations, api.worker(CLINIC), Map.of("familyIds", Collections.nCopies(51, family)));
        assertThat(api.expect(201, POST, invitations, api.worker(CLINIC),
                Map.of("familyIds", Collections.nCopies(50, family)))).containsEntry("invited", 1);
        api.refused(400, POST, invitations, api.worker(CLINIC), Map.of());
        api.refused(400, POST, invitations, api.worker(CLINIC), Map.of("familyIds", List.of()));
        api.refused(400, POST, invitations, api.worker(CLINIC), Map.of("byAge", false));
        api.refused(400, POST, invitations, api.worker(CLINIC), Map.of("familyIds", List.of(family), "byAge", true));
        Map<String, Object> nullId = new HashMap<>();
        nullId.put("familyIds", java.util.Arrays.asList(family, null));
        api.refused(400, POST, invitations, api.worker(CLINIC), nullId);
        String answer = answerPath(invitations(programme, api.worker(CLINIC)), family);
        api.refused(400, POST, answer, api.worker(CLINIC), Map.of("answer", "MAYBE"));
        api.refused(400, POST, answer, api.worker(CLINIC), Map.of());
        // The list is paged like every list of the contract.
        assertThat(api.list(invitations + "?limit=1", api.worker(CLINIC))).hasSize(1);
        assertThat(api.list(invitations + "?offset=1", api.worker(CLINIC))).isEmpty();
        for (String outside : List.of("limit=0", "limit=501", "offset=-1", "offset=100001")) {
            api.refused(400, GET, invitations + "?" + outside, api.worker(CLINIC), null);
        }
    }

    @Test
    void everyNewEndpointRefusesAForeignAgencyAWrongRoleAndNoToken() {
        String programme = schedule(Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 10);
        UUID family = topic.family(SOCIAL);
        topic.consent(family, NEXT_YEAR, CLINIC, FOREIGN);
        String invitations = programme + "/invitations";
        Map<String, Object> list = Map.of("familyIds", List.of(family));

        // Inviting: a foreign agency hears what it hears of an unknown programme.
        Map<String, Object> foreign = api.refused(404, POST, invitations, api.worker(FOREIGN), list);
        Map<String, Object> unknown = api.refused(404, POST, "/api/v1/programmes/" + UUID.randomUUID()
                + "/invitations", api.worker(CLINIC), list);
        assertThat(foreign.get("detail")).isEqualTo(unknown.get("detail"));
        api.refused(404, POST, invitations, api.worker(FOREIGN), Map.of("byAge", true));
        api.refused(403, POST, invitations, api.analyst(), list);
        api.refused(401, POST, invitations, null, list);
        api.expect(201, POST, invitations, api.worker(CLINIC), list);

        // Reading the list.
        assertThat(api.refused(404, GET, invitations, api.worker(FOREIGN), null).get("detail"))
                .isEqualTo(api.refused(404, GET, "/api/v1/programmes/" + UUID.randomUUID() + "/invitations",
                        api.worker(CLINIC), null).get("detail"));
        api.refused(403, GET, invitations, api.analyst(), null);
        api.refused(401, GET, invitations, null, null);

        // Answering: only a worker of a programme agency; a foreign one hears "no such invitation".
        String answer = answerPath(invitations(programme, api.worker(CLINIC)), family);
        Map<String, Object> yes = Map.of("answer", "YES");
        assertThat(api.refused(404, POST, answer, api.worker(FOREIGN), yes).get("detail"))
                .isEqualTo(api.refused(404, POST, "/api/v1/invitations/" + UUID.randomUUID() + "/answer",
                        api.worker(CLINIC), yes).get("detail"));
        api.refused(403, POST, answer, api.analyst(), yes);
        api.refused(403, POST, answer, api.coordinator(), yes);
        api.refused(401, POST, answer, null, yes);
        assertThat(statusByFamily(invitations(programme, api.worker(CLINIC)))).containsEntry(family.toString(),
                "INVITED");
    }

    // --- helpers -----------------------------------------------------------------------------

    private String schedule(Instant start, int capacity) {
        return "/api/v1/programmes/" + api.created("/api/v1/programmes", api.coordinator(),
                programmeBody(start, capacity));
    }

    private static Map<String, Object> programmeBody(Instant start, int capacity) {
        Map<String, Object> session = Map.of("startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", "Vauvan uni",
                "facilitatorAgencyIds", List.of(CLINIC));
        return Map.of("name", "Meidän vauva", "serviceId", SERVICE, "agencyIds", List.of(CLINIC, NGO),
                "location", "Hervannan perhekeskus", "capacityFamilies", capacity, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 2, "to", 6), "sessions", List.of(session));
    }

    /**
     * A family of the municipality with one child born in {@code born} (the month FamilyRegistered v2
     * publishes, see {@link Invitees}), consent covering {@code covered}.
     */
    private UUID family(UUID registeredBy, String municipality, YearMonth born, UUID covered) {
        UUID family = topic.family(registeredBy, municipality, born);
        topic.consent(family, NEXT_YEAR, covered);
        await().atMost(Duration.ofSeconds(30)).until(() -> invitees.knowsFamilyIn(family, municipality));
        return family;
    }

    private long eventsOf(String programme) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                programme.substring(programme.lastIndexOf('/') + 1));
    }

    private List<Map<String, Object>> invitations(String programme, String token) {
        return api.list(programme + "/invitations", token);
    }

    private static List<String> familiesOf(List<Map<String, Object>> invitations) {
        return invitations.stream().map(i -> (String) i.get("familyId")).toList();
    }

    private static Map<String, String> statusByFamily(List<Map<String, Object>> invitations) {
        Map<String, String> status = new HashMap<>();
        invitations.forEach(i -> status.put((String) i.get("familyId"), (String) i.get("status")));
        return status;
    }

    private static String answerPath(List<Map<String, Object>> invitations, UUID family) {
        return "/api/v1/invitations/" + invitations.stream().filter(i -> family.toString().equals(i.get("familyId")))
                .findFirst().orElseThrow(() -> new AssertionError("no invitation of " + family)).get("invitationId")
                + "/answer";
    }
}
