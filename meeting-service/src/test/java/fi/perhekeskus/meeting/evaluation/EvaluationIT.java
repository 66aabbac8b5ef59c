package fi.perhekeskus.meeting.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.meeting.MeetingServiceIT;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.MeetingApi;
import fi.perhekeskus.meeting.support.ReferralTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/** The agencies' evaluations over HTTP: once per agency, refused to others, bounded, stored only sealed. */
@MeetingServiceIT
class EvaluationIT {

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

    @Test
    void eachAgencyOfTheProgrammeEvaluatesItOnce() {
        UUID clinic = UUID.randomUUID();
        UUID ngo = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        try (ReferralTopic topic = new ReferralTopic(objectMapper, parties, parties)) {
            topic.agencies(clinic, ngo, foreign);
        }
        MeetingApi api = new MeetingApi(http, jdbc, security);
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String programme = api.created("/api/v1/programmes", api.coordinator(), Map.of(
                "name", "Meidän vauva, Lielahti", "serviceId", UUID.randomUUID(), "agencyIds", List.of(clinic, ngo),
                "location", "Lielahden perhekeskus", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", List.of(Map.of("startsAt", start.toString(),
                        "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "topic", "Vauvan uni",
                        "facilitatorAgencyIds", List.of(clinic))))).toString();
        String path = "/api/v1/programmes/" + programme + "/evaluations";
        Map<String, Object> body = Map.of("workedWell", "Isät tulivat mukaan, kiitos Matille",
                "toDevelop", "Tila oli ahdas", "proposals", "Iltapäivän ryhmä ensi syksynä");

        api.refused(401, POST, path, null, body);
        api.refused(403, POST, path, api.coordinator(), body);
        api.refused(403, POST, path, api.analyst(), body);
        api.refused(404, POST, path, api.worker(foreign), body);
        api.refused(404, POST, "/api/v1/programmes/" + UUID.randomUUID() + "/evaluations", api.worker(clinic), body);
        api.refused(400, POST, path, api.worker(clinic), Map.of("workedWell", "hyvin", "toDevelop", "x"));
        api.refused(400, POST, path, api.worker(clinic), Map.of("workedWell", "hyvin", "toDevelop", " ",
                "proposals", "p"));
        api.refused(400, POST, path, api.worker(clinic), Map.of("workedWell", "x".repeat(2001), "toDevelop", "x",
                "proposals", "p"));

        Map<String, Object> evaluated = api.expect(201, POST, path, api.worker(clinic), body);
        assertThat(evaluated).containsEntry("programmeId", programme).containsEntry("agencyId", clinic.toString())
                .containsKey("evaluatedAt");
        api.refused(409, POST, path, api.worker(clinic), body);
        // The other agency, texts at their bound: a facilitator of no session still runs the programme.
        api.expect(201, POST, path, api.worker(ngo), Map.of("workedWell", "x".repeat(2000),
                "toDevelop", "y".repeat(2000), "proposals", "z".repeat(2000)));
        api.refused(409, POST, path, api.worker(ngo), body);

        List<String> payloads = jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE '%ProgrammeEvaluated%'", byte[].class, programme).stream()
                .map(p -> new String(p, StandardCharsets.UTF_8)).toList();
        assertThat(payloads).hasSize(2).noneMatch(p -> p.contains("Matille") || p.contains("ahdas") || p.contains("xxxx"))
                .anyMatch(p -> p.contains(clinic.toString()));

        // Coordinators read them, opened; nobody else does.
        List<Map<String, Object>> read = api.list(path, api.coordinator());
        assertThat(read).hasSize(2);
        assertThat(read).filteredOn(e -> clinic.toString().equals(e.get("agencyId"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("workedWell", "Isät tulivat mukaan, kiitos Matille")
                        .containsEntry("toDevelop", "Tila oli ahdas")
                        .containsEntry("proposals", "Iltapäivän ryhmä ensi syksynä").containsKey("evaluatedAt"));
        api.refused(401, GET, path, null, null);
        api.refused(403, GET, path, api.worker(clinic), null);
        api.refused(403, GET, path, api.analyst(), null);
        api.refused(404, GET, "/api/v1/programmes/" + UUID.randomUUID() + "/evaluations", api.coordinator(), null);
    }
}
