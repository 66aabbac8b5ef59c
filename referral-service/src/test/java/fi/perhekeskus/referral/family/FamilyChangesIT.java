package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.TopicWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.TOKENS;
import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family changes over the API: a new baby, a new municipality and contact details, its responsible
 * worker handed over; referrals name the children they concern. Each answer is visible in the
 * caller's next read, and none of the new personal values is readable in the event store or on Kafka.
 */
@ReferralServiceIT
class FamilyChangesIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private UUID clinic;
    private UUID counselling;
    private UUID foreign;
    private UUID service;
    private UUID family;
    private String f;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        clinic = api.agency("Lempäälän neuvola", "Lempäälä");
        counselling = api.agency("Lempäälän perheneuvola", "Lempäälä");
        foreign = api.agency("Vesilahden nuorisotyö", "Vesilahti");
        service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        family = api.family(clinic, "Saara", "Lehtonen", "131052-308T", "1952-10-13");
        api.consent(family, clinic, List.of(counselling), LocalDate.now().plusMonths(6).toString());
        f = "/api/v1/families/" + family;
    }

    private Map<String, Object> read(UUID agency) {
        return api.ok(HttpMethod.GET, f, worker(agency), null);
    }

    private Map<String, Object> baby(String givenName) {
        return Map.of("role", "CHILD", "givenName", givenName, "familyName", "Lehtonen", "birthDate",
                LocalDate.now().minusDays(3).toString());
    }

    @Test
    void aNewBabyJoinsTheFamilyAndIsInTheNextRead() {
        ResponseEntity<Map> added = api.call(HttpMethod.POST, f + "/members", worker(clinic), baby("Onni"));
        assertThat(added.getStatusCode().value()).as("%s", added.getBody()).isEqualTo(201);
        String memberId = (String) added.getBody().get("memberId");

        List<Map<String, Object>> members = (List<Map<String, Object>>) read(clinic).get("members");
        assertThat(members).hasSize(3).anySatisfy(m -> {
            assertThat(m.get("memberId")).isEqualTo(memberId);
            assertThat(m.get("givenName")).isEqualTo("Onni");
            assertThat(m.get("role")).isEqualTo("CHILD");
        });
        // The consented agency adds one too.
        assertThat(api.call(HttpMethod.POST, f + "/members", worker(counselling), baby("Aino")).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void aMemberIsValidatedAsAtRegistration() {
        Map<String, Object> badCode = new HashMap<>(baby("Onni"));
        badCode.put("personalIdentityCode", "131052-308X");
        assertThat(api.call(HttpMethod.POST, f + "/members", worker(clinic), badCode).getStatusCode().value())
                .isEqualTo(400);
        Map<String, Object> noName = new HashMap<>(baby("Onni"));
        noName.remove("givenName");
        assertThat(api.call(HttpMethod.POST, f + "/members", worker(clinic), noName).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void theMunicipalityLanguagesAndContactChangeAndTheNextReadShowsThem() {
        Map<String, Object> changed = api.ok(HttpMethod.PATCH, f, worker(clinic), Map.of("municipality", "Nokia",
                "languages", List.of("fi", "sv"), "contact", Map.of("email", "saara@example.org", "phone", "+358 40 123 4567")));
        assertThat(changed).containsEntry("municipality", "Nokia").containsEntry("languages", List.of("fi", "sv"));

        Map<String, Object> family = read(clinic);
        assertThat(family).containsEntry("municipality", "Nokia");
        assertThat((Map<String, Object>) family.get("contact")).containsEntry("email", "saara@example.org")
                .containsEntry("phone", "+358 40 123 4567");

        // Only what is given changes; the contact is replaced as a whole.
        api.ok(HttpMethod.PATCH, f, worker(counselling), Map.of("contact", Map.of("phone", "040 765 4321")));
        family = read(clinic);
        assertThat(family).containsEntry("municipality", "Nokia");
        assertThat((Map<String, Object>) family.get("contact")).containsEntry("phone", "040 765 4321")
                .doesNotContainKey("email");
    }

    @Test
    void contactDetailsGivenAtRegistrationAreKeptSealedAndBadOnesRefuseTheWhole() {
        Map<String, Object> member = Map.of("role", "PARENT", "givenName", "Oona", "familyName", "Lehtonen",
                "birthDate", "1990-02-03");
        UUID registered = api.created(HttpMethod.POST, "/api/v1/families", worker(clinic), Map.of("municipality", "Lempäälä",
                "languages", List.of("sv"), "members", List.of(member), "contact", Map.of("email", "oona@example.org")));

        Map<String, Object> read = api.ok(HttpMethod.GET, "/api/v1/families/" + registered, worker(clinic), null);
        assertThat((Map<String, Object>) read.get("contact")).containsEntry("email", "oona@example.org");
        assertThat(jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?", byte[].class,
                registered.toString()).stream().map(String::new)).hasSize(2).noneMatch(p -> p.contains("oona@"));

        long before = events();
        assertThat(api.call(HttpMethod.POST, "/api/v1/families", worker(clinic), Map.of("municipality", "Lempäälä",
                "languages", List.of("sv"), "members", List.of(member), "contact", Map.of("email", "not an address")))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aChangeOfNothingOrOfBadValuesIsRefusedAndChangesNothing() {
        long before = events();
        assertThat(api.call(HttpMethod.PATCH, f, worker(clinic), Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(api.call(HttpMethod.PATCH, f, worker(clinic), Map.of("municipality", " ")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(api.call(HttpMethod.PATCH, f, worker(clinic), Map.of("contact", Map.of("email", "not an address")))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(api.call(HttpMethod.PATCH, f, worker(clinic), Map.of("languages", Collections.nCopies(11, "fi")))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theResponsibleWorkerIsHandedOverAndTheHistoryKeepsThePreviousOneWithDates() {
        assertThat(api.ok(HttpMethod.PUT, f + "/responsible-worker", worker(clinic),
                Map.of("agencyId", clinic, "workerId", "terveydenhoitaja-anna"))).containsEntry("changed", true);
        Map<String, Object> current = (Map<String, Object>) read(clinic).get("responsibleWorker");
        assertThat(current).containsEntry("agencyId", clinic.toString()).containsEntry("workerId", "terveydenhoitaja-anna");

        assertThat(api.ok(HttpMethod.PUT, f + "/responsible-worker", worker(clinic),
                Map.of("agencyId", counselling, "workerId", "perheneuvoja-pekka"))).containsEntry("changed", true);
        // The same worker again changes nothing.
        assertThat(api.ok(HttpMethod.PUT, f + "/responsible-worker", worker(counselling),
                Map.of("agencyId", counselling, "workerId", "perheneuvoja-pekka"))).containsEntry("changed", false);

        Map<String, Object> family = read(counselling);
        List<Map<String, Object>> history = (List<Map<String, Object>>) family.get("responsibleWorkerHistory");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("workerId", "terveydenhoitaja-anna")
                .containsEntry("until", history.get(1).get("since"));
        assertThat(history.get(1)).containsEntry("workerId", "perheneuvoja-pekka").doesNotContainKey("until");
        assertThat((Map<String, Object>) family.get("responsibleWorker")).containsEntry("agencyId", counselling.toString());

        // A worker of an agency the family shares nothing with cannot be its responsible worker.
        assertThat(api.call(HttpMethod.PUT, f + "/responsible-worker", worker(clinic),
                Map.of("agencyId", foreign, "workerId", "x")).getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void aReferralNamesTheChildrenOfTheFamilyOnly() {
        List<Map<String, Object>> members = (List<Map<String, Object>>) read(clinic).get("members");
        String child = members.stream().filter(m -> "CHILD".equals(m.get("role"))).findFirst().orElseThrow()
                .get("memberId").toString();
        UUID otherFamily = api.family(clinic, "Ville", "Virtanen", "010101-123N", "1901-01-01");
        String foreignChild = ((List<Map<String, Object>>) api.ok(HttpMethod.GET, "/api/v1/families/" + otherFamily,
                worker(clinic), null).get("members")).get(1).get("memberId").toString();

        ResponseEntity<Map> made = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), referral(List.of(child)));
        assertThat(made.getStatusCode().value()).as("%s", made.getBody()).isEqualTo(201);
        String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%ReferralMade'", String.class,
                made.getBody().get("id").toString());
        assertThat(stored).contains("\"memberIds\":[\"" + child + "\"]");

        long before = events();
        ResponseEntity<Map> refused = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic),
                referral(List.of(child, foreignChild)));
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        assertThat(refused.getBody().get("detail").toString()).contains(foreignChild);
        assertThat(events()).isEqualTo(before);

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        assertThat(api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), referral(tooMany))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    private Map<String, Object> referral(List<String> memberIds) {
        return Map.of("familyId", family, "serviceId", service, "reason", "univaikeudet", "needLevel", "YELLOW",
                "priority", "ROUTINE", "memberIds", memberIds);
    }

    @Test
    void anAgencyWithoutAccessIsToldNothingAndChangesNothing() {
        long before = events();
        for (var call : List.of(
                new Object[] {HttpMethod.POST, f + "/members", baby("Onni")},
                new Object[] {HttpMethod.PATCH, f, Map.of("municipality", "Nokia")},
                new Object[] {HttpMethod.PUT, f + "/responsible-worker", Map.of("agencyId", foreign, "workerId", "x")})) {
            HttpMethod method = (HttpMethod) call[0];
            String path = (String) call[1];
            assertThat(api.call(method, path, worker(foreign), call[2]).getStatusCode().value()).as("%s %s", method, path)
                    .isEqualTo(404);
            // The same answer for a family that does not exist at all.
            assertThat(api.call(method, path.replace(family.toString(), UUID.randomUUID().toString()), worker(clinic),
                    call[2]).getStatusCode().value()).as("unknown: %s %s", method, path).isEqualTo(404);
            assertThat(api.call(method, path, TOKENS.analyst("analyst-1"), call[2]).getStatusCode().value())
                    .isEqualTo(403);
            assertThat(api.call(method, path, TOKENS.coordinator("coordinator-1"), call[2]).getStatusCode().value())
                    .isEqualTo(403);
            assertThat(api.call(method, path, null, call[2]).getStatusCode().value()).isEqualTo(401);
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anErasedFamilyIsAnsweredAsUnknown() {
        api.call(HttpMethod.DELETE, f, Api.coordinator(), null);
        assertThat(api.call(HttpMethod.POST, f + "/members", worker(clinic), baby("Onni")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(api.call(HttpMethod.PATCH, f, worker(clinic), Map.of("contact", Map.of("email", "a@example.org")))
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theNewPersonalValuesAreNeverReadableInTheEventStoreOrOnKafka() {
        String marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (TopicWatch topic = new TopicWatch(Topics.REFERRAL_EVENTS)) {
            api.call(HttpMethod.POST, f + "/members", worker(clinic), Map.of("role", "CHILD", "givenName", marker + "given",
                    "familyName", marker + "family", "birthDate", "2026-01-02"));
            api.ok(HttpMethod.PATCH, f, worker(clinic), Map.of("contact", Map.of("email", marker.toLowerCase() + "@example.org",
                    "phone", "+358 50 987 6543")));
            api.ok(HttpMethod.PUT, f + "/responsible-worker", worker(clinic), Map.of("agencyId", clinic,
                    "workerId", marker + "worker"));

            List<String> stored = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                    + "WHERE aggregateidentifier = ?", String.class, family.toString());
            assertThat(stored).hasSizeGreaterThanOrEqualTo(5);
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(family.toString(), 3, Duration.ofSeconds(30));
            List<String> published = records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
            for (String text : concat(stored, published)) {
                assertThat(text).doesNotContainIgnoringCase(marker).doesNotContain("987 6543").doesNotContain("2026-01-02");
            }
            assertThat(published).anySatisfy(p -> assertThat(p).contains("\"contact\":\"v1."));
            // The readers with access still see them.
            Map<String, Object> family = read(clinic);
            assertThat(family.toString()).contains(marker + "given", marker.toLowerCase() + "@example.org", marker + "worker");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
