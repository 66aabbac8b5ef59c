package fi.perhekeskus.reporting.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.infra.fuzz.ApiFuzzer;
import fi.perhekeskus.infra.fuzz.FuzzReport;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.security.RegisteredAgencies;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.reporting.ReportingServiceIT;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of malformed requests, generated from the OpenAPI document reporting-service serves,
 * against every operation as every role and as no one: none gets a 5xx, every error is problem+json
 * with status, title and detail, no answer names a class, and the read database is left as it was.
 * The seed is printed; {@code -Dperhekeskus.fuzz.seed=N} repeats a run and {@code -Dperhekeskus.fuzz.requests=N} sizes it.
 */
@ReportingServiceIT
class MalformedRequestsIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RegisteredAgencies agencies;
    @LocalServerPort
    int port;

    @Test
    void malformedRequestsAreRefusedInOurWordsAndChangeNoReadModel() throws Exception {
        // A registered agency, so that its workers' and analysts' tokens are real parties.
        UUID agency = UUID.randomUUID();
        Instant at = Instant.now();
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            events.publish(agency, new AgencyRegistered(agency, "Lempäälän perhekeskus", OrganizerType.MUNICIPALITY,
                    "Lempäälän kunta", "Lempäälä", List.of("Lempäälä"), "coordinator-1", at), at);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> agencies.isRegistered(agency));

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("WORKER", TOKENS.worker("worker-1", agency));
        tokens.put("ANALYST (agency)", TOKENS.issue("analyst-2", agency, List.of(Role.ANALYST), Duration.ofHours(1)));
        tokens.put("ANALYST", TOKENS.analyst("analyst-1"));
        tokens.put("COORDINATOR", TOKENS.coordinator("coordinator-1"));
        tokens.put("no token", null);
        long seed = ApiFuzzer.seed(8_083L);
        Map<String, String> before = quietReadModel();

        FuzzReport report = new ApiFuzzer(port, tokens).run("reporting-service", seed, ApiFuzzer.requests(3_500));

        System.out.println(report.details());
        assertThat(report.sent()).isGreaterThanOrEqualTo(Math.min(3_400, ApiFuzzer.requests(3_500)));
        assertThat(report.faults()).as(report.details()).isEmpty();
        assertThat(report.count(5)).isZero();
        assertThat(readModel()).as("the read database after malformed requests").isEqualTo(before);
    }

    /** The read model once events of earlier tests have stopped arriving: the same twice in a row. */
    private Map<String, String> quietReadModel() {
        List<Map<String, String>> last = new ArrayList<>(List.of(readModel()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, String> now = readModel();
            boolean same = now.equals(last.get(0));
            last.set(0, now);
            return same;
        });
        return last.get(0);
    }

    /**
     * Every collection of the read database with its documents; for the processors' token store and
     * their instances' heartbeats only the count, since both are renewed as time passes.
     */
    private Map<String, String> readModel() {
        Map<String, String> collections = new TreeMap<>();
        for (String name : mongo.getCollectionNames()) {
            if (name.toLowerCase().contains("token") || name.equals("processor_instances")) {
                collections.put(name, mongo.getCollection(name).countDocuments() + " documents");
                continue;
            }
            List<String> documents = new ArrayList<>();
            for (Document document : mongo.getCollection(name).find()) {
                documents.add(document.toJson());
            }
            documents.sort(null);
            collections.put(name, documents.size() + " documents, hash " + documents.hashCode());
        }
        return collections;
    }
}
