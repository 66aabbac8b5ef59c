package fi.perhekeskus.system;

import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.reporting.ProcessingGroups;
import fi.perhekeskus.reporting.directory.AgencySummary;
import fi.perhekeskus.reporting.directory.DirectoryProjection;
import fi.perhekeskus.reporting.rebuild.ProjectionRebuild;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker dies abruptly in the middle of a run of commands and comes back. Commands never fail
 * (the event store is the outbox), every stored event reaches Kafka at least once, and the
 * reporting projection holds each exactly once. Size: {@code -Dperhekeskus.fault.commands=2000}
 * (default 300 in the build).
 */
@SystemIT
class BrokerOutageIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    private static final int COMMANDS = Integer.getInteger("perhekeskus.fault.commands", 300);

    @Autowired
    DirectoryProjection directory;
    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void aBrokerCrashLosesNothingAndDuplicatesNothingInTheViews() throws Exception {
        RunningService referral = RunningService.referral();
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        Set<String> created = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService agencies = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            int n = i;
            calls.add(agencies.submit(() -> {
                ResponseEntity<Map> response = register(referral, run + "-" + n);
                assertThat(response.getStatusCode().value()).isEqualTo(201);
                created.add((String) response.getBody().get("id"));
                sent.incrementAndGet();
            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= COMMANDS / 3);
        infrastructure.killKafka();
        await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= 2 * COMMANDS / 3);
        infrastructure.restartKafka();
        for (Future<?> call : calls) {
            call.get();
        }
        agencies.shutdown();

        Integer stored = referral.eventStore().queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%AgencyRegistered' "
                        + "AND convert_from(payload, 'UTF8') LIKE ?", Integer.class, "%" + run + "%");
        Map<String, Integer> published = new HashMap<>();
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            published.clear();
            published.putAll(recordsPerKey(created));
            assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(created);
        });
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                directory.agencies().stream().map(AgencySummary::name).filter(n -> n.startsWith(run))).hasSize(COMMANDS));
        long views = directory.agencies().stream().filter(a -> a.name().startsWith(run)).count();
        int records = published.values().stream().mapToInt(Integer::intValue).sum();

        System.out.printf("broker outage: commands sent %d, events stored %d, events published %d (records %d, "
                        + "duplicates on the topic %d), applied in the directory projection %d, lost %d%n",
                COMMANDS, stored, published.size(), records, records - published.size(), views,
                COMMANDS - published.size());
        assertThat(stored).isEqualTo(COMMANDS);
        assertThat(views).isEqualTo(COMMANDS);

        // A fresh rebuild from offset 0 equals the live projection.
        List<AgencySummary> live = directory.agencies();
        rebuild.rebuild(ProcessingGroups.DIRECTORY);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(rebuild.progress(ProcessingGroups.DIRECTORY).percent()).isEqualTo(100L);
            assertThat(directory.agencies()).containsExactlyInAnyOrderElementsOf(live);
        });
    }

    private static ResponseEntity<Map> register(RunningService referral, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.coordinator("coordinator-1"));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return referral.http().exchange("/api/v1/agencies", HttpMethod.POST, new HttpEntity<>(
                "{\"name\":\"" + name + "\",\"organizerType\":\"NGO\",\"organizerName\":\"MLL Tampere\","
                        + "\"municipality\":\"Tampere\"}", headers), Map.class);
    }

    /** How many records each of the given keys has on the referral topic. */
    private static Map<String, Integer> recordsPerKey(Set<String> keys) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRAL_EVENTS));
            int idle = 0;
            while (idle < 5) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (keys.contains(record.key())) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
