package fi.perhekeskus.system;

import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.system.BearerCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agencies' evaluations in a coordinator's programme report, across three services: agencies
 * registered in referral-service, the programme and its evaluations in meeting-service (texts sealed
 * under the programme's key), the report in reporting-service, which asks meeting-service for the
 * texts with the coordinator's own token and stores none of them.
 */
@SystemIT
class ProgrammeEvaluationsIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    TestRestTemplate reportingHttp;

    @DynamicPropertySource
    static void meetingService(DynamicPropertyRegistry properties) {
        properties.add("perhekeskus.meeting.base-url", () -> RunningService.meeting().url());
    }

    @Test
    void aCoordinatorReadsTheEvaluationsTextsInTheReportAndAnAnalystDoesNot() {
        UUID clinic = agency("Tesoman neuvola");
        UUID parish = agency("Tampereen seurakuntayhtymä");
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> programme = Map.of("name", "Meidän vauva, Tesoma", "serviceId", UUID.randomUUID(),
                "agencyIds", List.of(clinic, parish), "location", "Tesoman perhekeskus", "capacityFamilies", 10,
                "plannedFamilies", 20, "targetAgeMonths", Map.of("from", 0, "to", 6),
                "sessions", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                        "topic", "Vauvan uni", "facilitatorAgencyIds", List.of(clinic))));
        // Meeting-service knows the agencies once it has read them from referral-service's topic.
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> {
            ResponseEntity<Map> created = call(RunningService.meeting().http(), HttpMethod.POST, "/api/v1/programmes",
                    TOKENS.coordinator("c-1"), programme);
            return created.getStatusCode().value() == 201 ? (String) created.getBody().get("id") : null;
        }, java.util.Objects::nonNull);
        String sealedText = "Isät tulivat mukaan " + UUID.randomUUID();
        evaluate(id, clinic, Map.of("workedWell", sealedText, "toDevelop", "Tila oli ahdas",
                "proposals", "Iltapäivän ryhmä ensi syksynä"));
        evaluate(id, parish, Map.of("workedWell", "Yhteistyö", "toDevelop", "Kutsut ajoissa",
                "proposals", "Kaksi sarjaa keväällä"));

        String report = "/api/v1/reports/programmes/" + id;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> coordinator = call(reportingHttp, HttpMethod.GET, report, TOKENS.coordinator("c-1"), null)
                    .getBody();
            assertThat(coordinator).containsEntry("evaluationTexts", "SHOWN");
            assertThat((List<Map<String, Object>>) coordinator.get("evaluations")).hasSize(2)
                    .anySatisfy(e -> assertThat(e).containsEntry("agencyId", clinic.toString())
                            .containsEntry("agency", "Tesoman neuvola").containsEntry("workedWell", sealedText)
                            .containsEntry("toDevelop", "Tila oli ahdas"))
                    .anySatisfy(e -> assertThat(e).containsEntry("agencyId", parish.toString())
                            .containsEntry("proposals", "Kaksi sarjaa keväällä"));
        });
        Map<String, Object> analyst = call(reportingHttp, HttpMethod.GET, report, TOKENS.analyst("a-1"), null).getBody();
        assertThat(analyst).doesNotContainKeys("evaluations", "evaluationTexts");
        // Reporting keeps no copy: the texts are in its answer, not in its store or on the topic.
        assertThat(RunningService.meeting().eventStore().queryForList("SELECT payload FROM domainevententry "
                        + "WHERE aggregateidentifier = ?", byte[].class, id).stream()
                .map(p -> new String(p, StandardCharsets.UTF_8))).noneMatch(p -> p.contains(sealedText));
    }

    private static void evaluate(String programme, UUID agency, Map<String, Object> texts) {
        // A worker's agency is a party once meeting-service has read its registration (403 until then).
        ResponseEntity<Map> evaluated = await().atMost(Duration.ofSeconds(60)).until(() -> call(
                        RunningService.meeting().http(), HttpMethod.POST, "/api/v1/programmes/" + programme + "/evaluations",
                        TOKENS.worker("w-" + agency, agency), texts), r -> r.getStatusCode().value() != 403);
        assertThat(evaluated.getStatusCode().value()).as("%s", evaluated.getBody()).isEqualTo(201);
    }

    private UUID agency(String name) {
        return BearerCalls.created(RunningService.referral().http(), "/api/v1/agencies", TOKENS.coordinator("c-1"),
                Map.of("name", name, "organizerType", "WELLBEING_COUNTY",
                        "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
    }
}
