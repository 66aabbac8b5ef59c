package fi.perhekeskus.referral.finder;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.gathering.OpenPlaceRegistered;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.MeetingTopic;
import org.springframework.http.HttpMethod;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.coordinator;
import static fi.perhekeskus.referral.support.Api.worker;

/**
 * A small directory in two municipalities of their own (so other tests' data stays out of the
 * filters): an individual service with a waitlist, a Swedish-speaking one elsewhere, a group service
 * with an upcoming programme with room (a family enrolled), and an open meeting place. The family
 * has distinctive personal data that must never reach the page.
 */
final class FinderData {

    static final String GIVEN_NAME = "Ilmatar";
    static final String FAMILY_NAME = "Kalevalainen";
    static final String IDENTITY_CODE = "010190-900P";

    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final String town = "Kuusikko" + tag;
    final String otherTown = "Koivikko" + tag;
    final String counselling = "Perheneuvonta " + tag;
    final String swedish = "Familjerådgivning " + tag;
    final String babyGroup = "Meidän vauva " + tag;
    final String programmeName = "Meidän vauva, kevätryhmä " + tag;
    final String cafe = "Perhekahvila " + tag;
    UUID family;
    UUID group;

    FinderData create(Api api, ObjectMapper objectMapper) {
        UUID agency = api.agency("Kuusikon perhekeskus " + tag, town);
        UUID individual = service(api, agency, counselling, "INDIVIDUAL", "YELLOW", 24, 216, town, List.of("fi"));
        api.ok(HttpMethod.PUT, "/api/v1/services/" + individual + "/capacity", worker(agency),
                Map.of("status", "WAITLIST", "waitWeeks", 4));
        service(api, agency, swedish, "INDIVIDUAL", "RED", 0, 216, otherTown, List.of("sv"));
        group = service(api, agency, babyGroup, "GROUP", "GREEN", 0, 12, town, List.of("fi", "en"));
        family = api.family(agency, GIVEN_NAME, FAMILY_NAME, IDENTITY_CODE, "1990-01-01");

        UUID programme = UUID.randomUUID();
        Instant start = Instant.now().plus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        try (MeetingTopic meeting = new MeetingTopic(objectMapper)) {
            meeting.publish(programme, new ProgrammeScheduled(programme, programmeName, group, List.of(agency),
                    "Kuusikon perhekeskus, sali 2", 8, 8, 0, 6, List.of(new ProgrammeScheduled.Session(
                    UUID.randomUUID(), start, start.plus(2, ChronoUnit.HOURS), "Tutustuminen", List.of(agency))),
                    "w1", Instant.now()), Instant.now());
            meeting.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.SELF, null, false, "w1",
                    Instant.now()), Instant.now());
            UUID place = UUID.randomUUID();
            meeting.publish(place, new OpenPlaceRegistered(place, agency, cafe, town, "Kuusitie 3", "ti–to 9–12",
                    "c", Instant.now()), Instant.now());
        }
        return this;
    }

    private static UUID service(Api api, UUID agency, String name, String kind, String need, int from, int to,
                                String town, List<String> languages) {
        return api.created(HttpMethod.POST, "/api/v1/services", coordinator(), Map.of("agencyId", agency,
                "name", name, "kind", kind, "needLevel", need, "ageFromMonths", from, "ageToMonths", to,
                "municipalities", List.of(town), "languages", languages, "description", "Tukea perheille"));
    }
}
