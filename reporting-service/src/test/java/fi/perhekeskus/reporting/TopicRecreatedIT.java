package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.infra.local.LocalSecrets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A topic deleted and created again under a running service: every processor reading it now holds
 * a position beyond the new partition's end. Health goes DOWN naming the topic, the partition and
 * both positions, stays DOWN after the new topic has grown past the old position (records below it
 * were never handled), and a reset replays the topic so that what was published after the
 * recreation is in the views.
 */
@SpringBootTest(classes = ReportingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ReportingServiceApplication.NAME,
                "perhekeskus.kafka.consume-topics=" + TopicRecreatedIT.TOPIC,
                "perhekeskus.read-database=perhekeskus_reporting_recreated",
                "perhekeskus.processing.position-check-interval=PT0.2S"})
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class TopicRecreatedIT {

    static final String TOPIC = "perhekeskus.test.recreated.v1";
    private static final String TOKEN = LocalSecrets.forTests().tokens().coordinator("operator");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    MongoDatabase readDatabase;

    @BeforeAll
    static void topicExistsBeforeTheServiceStarts() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @Test
    void aPositionBeyondTheTopicsEndIsDownUntilTheProcessorIsReset() throws Exception {
        for (int i = 0; i < 5; i++) {
            publish(UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(agencies()).isEqualTo(5));
        assertThat(health().getStatusCode().value()).isEqualTo(200);

        recreateTopic();
        UUID after = UUID.randomUUID();
        publish(after);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<Map> health = health();
            assertThat(health.getStatusCode().value()).isEqualTo(503);
            Map<String, Object> directory = processor(health, ProcessingGroups.DIRECTORY);
            assertThat(directory).containsEntry("state", "POSITION_BEYOND_SOURCE");
            assertThat(directory.get("reason").toString())
                    .contains(TOPIC + " partition 0: processed up to offset 4, but the partition");
        });
        // The new topic grows past the old position: the verdict stands, the first records were skipped.
        for (int i = 1; i < 8; i++) {
            publish(UUID.randomUUID());
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(health().getStatusCode().value()).isEqualTo(503));
        assertThat(readDatabase.getCollection("directory_agencies").countDocuments(Filters.eq("_id", after.toString())))
                .isZero();

        for (String processor : ProjectionProcessing.PROJECTIONS) {
            assertThat(reset(processor).getStatusCode().value()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(health().getStatusCode().value()).isEqualTo(200);
            assertThat(readDatabase.getCollection("directory_agencies")
                    .countDocuments(Filters.eq("_id", after.toString()))).isOne();
            // A reset rebuilds the view from the topic as it is now: the eight records published since.
            assertThat(agencies()).isEqualTo(8);
        });
    }

    private long agencies() {
        return readDatabase.getCollection("directory_agencies").countDocuments();
    }

    private void publish(UUID agencyId) {
        AgencyRegistered event = new AgencyRegistered(agencyId, "Toimija", OrganizerType.NGO, "Yhdistys", "Tampere",
                List.of("Tampere"), "c", Instant.now());
        var record = new CloudEventsMessageConverter(objectMapper, "/test").createKafkaMessage(
                new GenericDomainEventMessage<>("Agency", agencyId.toString(), 0, event, MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), Instant.now()), TOPIC);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void recreateTopic() throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
                return true;
            });
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers()));
    }

    private ResponseEntity<Map> health() {
        return http.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(auth()), Map.class);
    }

    private ResponseEntity<Map> reset(String processor) {
        return http.exchange("/api/v1/admin/processors/" + processor + "/reset", HttpMethod.POST,
                new HttpEntity<>(auth()), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> processor(ResponseEntity<Map> health, String name) {
        Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
        Map<String, Object> processors = (Map<String, Object>) components.get("processors");
        return (Map<String, Object>) ((Map<String, Object>) processors.get("details")).get(name);
    }

    private static HttpHeaders auth() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKEN);
        return headers;
    }
}
