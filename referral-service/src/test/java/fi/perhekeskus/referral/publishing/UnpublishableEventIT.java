package fi.perhekeskus.referral.publishing;

import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.kafka.KafkaSettings;
import fi.perhekeskus.infra.kafka.TopicCreator;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.referral.ReferralServiceApplication;
import fi.perhekeskus.referral.support.Api;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the producer can never send (here: larger than a deliberately small max.request.size)
 * is parked with its aggregate's later events, in order; every other aggregate keeps reaching the
 * topic, health warns, the metric counts it, and the admin endpoint lists and retries it.
 */
@SpringBootTest(classes = ReferralServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ReferralServiceApplication.NAME,
                "perhekeskus.database=referral_unpublishable",
                "perhekeskus.read-database=perhekeskus_referral_unpublishable",
                "perhekeskus.kafka.max-record-bytes=4000"})
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class UnpublishableEventIT {

    @Autowired
    TestRestTemplate http;

    /** The topics exist with their usual limits before this service's small limit could create them. */
    @BeforeAll
    static void topicsExist() {
        TopicCreator.ensureTopics(LocalInfrastructure.shared().kafkaBootstrapServers(), 3,
                KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
    }

    @Test
    void anUnsendableEventIsParkedWithItsAggregateAndTheRestFlows() {
        Api api = new Api(http);
        UUID clinic = api.agency("Tammelan neuvola", "Tampere");
        UUID counselling = api.agency("Tammelan perheneuvola", "Tampere");
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(Map.of("role", i == 0 ? "PARENT" : "CHILD", "givenName", "Etunimi".repeat(13),
                    "familyName", "Sukunimi".repeat(11), "birthDate", "2020-01-01"));
        }
        UUID large = api.created(HttpMethod.POST, "/api/v1/families", Api.worker(clinic),
                Map.of("municipality", "Tampere", "languages", List.of("fi"), "members", members));
        api.consent(large, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());
        UUID later = api.agency("Tammelan perhekeskus", "Tampere");

        Set<String> published = new HashSet<>();
        try (KafkaConsumer<String, byte[]> topic = consumer()) {
            topic.subscribe(List.of(Topics.REFERRAL_EVENTS));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : topic.poll(Duration.ofMillis(200))) {
                    published.add(record.key());
                }
                assertThat(published).contains(clinic.toString(), counselling.toString(), later.toString());
            });
        }
        assertThat(published).doesNotContain(large.toString());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> publisher = deadLetters(api).stream()
                    .filter(d -> "kafka-publisher".equals(d.get("processor"))).findFirst().orElseThrow();
            assertThat(publisher).containsEntry("events", 2).containsEntry("sequences", 1);
            assertThat((List<Map<String, Object>>) publisher.get("parked"))
                    .extracting(e -> e.get("aggregateId"), e -> e.get("sequenceNumber"), e -> e.get("type"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(large.toString(), 0, "FamilyRegistered"),
                            org.assertj.core.groups.Tuple.tuple(large.toString(), 1, "ConsentGiven"));
        });
        ResponseEntity<Map> health = api.call(HttpMethod.GET, "/actuator/health", Api.coordinator(), null);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).containsEntry("status", "WARNING");
        assertThat(health.getBody().toString()).contains("parked=2");
        ResponseEntity<Map> metric = api.call(HttpMethod.GET,
                "/actuator/metrics/perhekeskus.processor.dead.letters?tag=processor:kafka-publisher", Api.coordinator(), null);
        assertThat(metric.getBody().toString()).contains("value=2.0");

        // Retried while the cause stands, the events stay parked, still in order.
        Map<String, Object> retried = api.ok(HttpMethod.POST, "/api/v1/admin/dead-letters/kafka-publisher/retry",
                Api.coordinator(), null);
        assertThat(retried).containsEntry("stillParked", 2);
    }

    private List<Map<String, Object>> deadLetters(Api api) {
        return (List<Map<String, Object>>) (List<?>) api.list("/api/v1/admin/dead-letters", Api.coordinator());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
                "unpublishable-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
