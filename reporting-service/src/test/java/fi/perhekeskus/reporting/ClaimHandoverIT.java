package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of reporting-service share one token store: the projection's claim moves from the
 * first to the second when the first stops in the middle of a stream, and every event is still
 * counted exactly once. (They use their own read database, apart from the test's main instance.)
 */
@ReportingServiceIT
class ClaimHandoverIT {

    private static final String DATABASE = "perhekeskus_reporting_claims";
    private static final int EVENTS = Integer.getInteger("perhekeskus.fault.commands", 300);

    @Autowired
    ObjectMapper objectMapper;

    private static ConfigurableApplicationContext instance() {
        return ReportingServiceApplication.builder()
                .initializers(new LocalInfrastructureInitializer())
                // Command-line arguments outrank the service's own configuration file.
                .run("--server.port=0", "--perhekeskus.read-database=" + DATABASE,
                        "--perhekeskus.projections.batch-size=20");
    }

    @Test
    void aClaimMovesBetweenInstancesAndEveryEventCountsOnce() {
        UUID programme = UUID.randomUUID();
        Instant at = Instant.parse("2025-05-05T15:00:00Z");
        ConfigurableApplicationContext first = instance();
        ConfigurableApplicationContext second = null;
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(programme, new ProgrammeScheduled(programme, "Siirtoryhmä", UUID.randomUUID(),
                    List.of(UUID.randomUUID()), "Kangasala", EVENTS, EVENTS, 0, 6, List.of(new ProgrammeScheduled.Session(
                            UUID.randomUUID(), at, at.plusSeconds(3600), "ilta", List.of())), "c", at), at);
            for (int i = 0; i < EVENTS / 2; i++) {
                events.publish(programme, enrolled(programme, at), at);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> enrolled(programme) > 0);
            second = instance();
            first.close();
            for (int i = EVENTS / 2; i < EVENTS; i++) {
                events.publish(programme, enrolled(programme, at), at);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> enrolled(programme) == EVENTS);
            System.out.printf("claim handover: events published %d, enrolments counted %d%n", EVENTS, enrolled(programme));
        } finally {
            if (first.isActive()) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        }
        assertThat(enrolled(programme)).isEqualTo(EVENTS);
    }

    private static FamilyEnrolled enrolled(UUID programme, Instant at) {
        return new FamilyEnrolled(programme, UUID.randomUUID(), EnrolmentSource.SELF, null, false, "w", at);
    }

    private static int enrolled(UUID programme) {
        try (MongoClient client = MongoClients.create(LocalInfrastructure.shared().mongoUri(DATABASE))) {
            Document d = client.getDatabase(DATABASE).getCollection("report_programmes")
                    .find(new Document("_id", programme.toString())).first();
            return d == null ? 0 : d.getInteger("enrolledFamilies", 0);
        }
    }
}
