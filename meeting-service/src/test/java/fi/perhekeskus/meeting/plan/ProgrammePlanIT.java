package fi.perhekeskus.meeting.plan;

import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.infra.testing.Concurrently;
import fi.perhekeskus.meeting.MeetingServiceIT;
import fi.perhekeskus.meeting.support.MeetingApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

/** The year's plan over HTTP: who may make it, its bounds, and one per service and year even at once. */
@MeetingServiceIT
class ProgrammePlanIT {

    static final int NEXT_YEAR = LocalDate.now(ZoneOffset.UTC).getYear() + 1;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecuritySettings security;

    @Test
    void aCoordinatorPlansAServicesYearOnce() {
        MeetingApi api = new MeetingApi(http, jdbc, security);
        UUID service = UUID.randomUUID();
        Map<String, Object> body = Map.of("serviceId", service, "year", NEXT_YEAR, "plannedSeries", 4,
                "plannedFamiliesPerSeries", 20);

        api.refused(403, POST, "/api/v1/programme-plans", api.worker(UUID.randomUUID()), body);
        api.refused(403, POST, "/api/v1/programme-plans", api.analyst(), body);
        api.refused(401, POST, "/api/v1/programme-plans", null, body);
        api.refused(422, POST, "/api/v1/programme-plans", api.coordinator(), Map.of("serviceId", service,
                "year", NEXT_YEAR, "plannedSeries", 13, "plannedFamiliesPerSeries", 20));
        api.refused(422, POST, "/api/v1/programme-plans", api.coordinator(), Map.of("serviceId", service,
                "year", NEXT_YEAR + 10, "plannedSeries", 4, "plannedFamiliesPerSeries", 20));
        api.refused(400, POST, "/api/v1/programme-plans", api.coordinator(), Map.of("serviceId", service,
                "year", NEXT_YEAR));
        api.refused(400, POST, "/api/v1/programme-plans", api.coordinator(), Map.of("serviceId", "not-a-uuid",
                "year", NEXT_YEAR, "plannedSeries", 4, "plannedFamiliesPerSeries", 20));

        Map<String, Object> created = api.expect(201, POST, "/api/v1/programme-plans", api.coordinator(), body);
        assertThat(created).containsEntry("serviceId", service.toString()).containsEntry("year", NEXT_YEAR)
                .containsEntry("id", PlanProgrammes.idOf(service, NEXT_YEAR).toString());
        api.refused(409, POST, "/api/v1/programme-plans", api.coordinator(), body);
    }

    @Test
    void eightCoordinatorsPlanningTheSameYearAtOnceMakeOnePlan() throws Exception {
        MeetingApi api = new MeetingApi(http, jdbc, security);
        Map<String, Object> body = Map.of("serviceId", UUID.randomUUID(), "year", NEXT_YEAR, "plannedSeries", 2,
                "plannedFamiliesPerSeries", 10);
        long before = api.storedEvents();

        List<Integer> statuses = Concurrently.all(8, () ->
                api.call(POST, "/api/v1/programme-plans", api.coordinator(), body).getStatusCode().value());

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(api.storedEvents() - before).isEqualTo(1);
    }
}
