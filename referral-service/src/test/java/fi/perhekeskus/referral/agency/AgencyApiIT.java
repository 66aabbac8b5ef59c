package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.referral.ReferralServiceIT;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ReferralServiceIT
class AgencyApiIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegisteredAgencyIsStoredAndPublishedAsACloudEvent() {
        ResponseEntity<Map> created = post(TOKENS.coordinator("coordinator-1"),
                "{\"name\":\"Hervannan neuvola\",\"organizerType\":\"WELLBEING_COUNTY\","
                        + "\"organizerName\":\"Pirkanmaan hyvinvointialue\",\"municipality\":\"Tampere\"}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Integer.class, id)).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = awaitRecord(id);
        assertThat(header(record, "ce_type")).isEqualTo("fi.perhekeskus.referral.AgencyRegistered.v3");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_source")).isEqualTo("/perhekeskus/referral-service");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"agencyId\":\"" + id + "\"", "\"organizerType\":\"WELLBEING_COUNTY\"");
    }

    @Test
    void onlyACoordinatorRegistersAgencies() {
        ResponseEntity<Map> refused = post(TOKENS.worker("worker-1", UUID.randomUUID()),
                "{\"name\":\"X\",\"organizerType\":\"NGO\",\"organizerName\":\"X ry\",\"municipality\":\"Tampere\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutAValidTokenTheCallerIsUnauthorized() {
        String forged = TOKENS.coordinator("x").substring(0, 40) + "AAAA.BBBB";
        for (String token : new String[] {null, forged,
                new LocalTokens("another-secret-another-secret-another-secret").coordinator("x")}) {
            ResponseEntity<Map> refused = post(token, "{}");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() {
        Integer before = jdbc.queryForObject("select count(*) from domainevententry", Integer.class);

        ResponseEntity<Map> refused = post(TOKENS.coordinator("coordinator-1"),
                "{\"name\":\"\",\"organizerType\":\"NGO\",\"organizerName\":\"X ry\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<Map<String, String>>) refused.getBody().get("errors"))
                .extracting(e -> e.get("field")).containsExactlyInAnyOrder("name", "municipality");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Integer.class)).isEqualTo(before);
    }

    @Test
    void aContactAddressThatIsNoAddressIsRefused() {
        ResponseEntity<Map> refused = post(TOKENS.coordinator("coordinator-1"), """
                {"name":"Hervannan neuvola","organizerType":"WELLBEING_COUNTY","organizerName":"Pirha",
                 "municipality":"Tampere","contactEmail":"neuvola at example"}""");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) refused.getBody().get("errors"))
                .extracting(e -> e.get("field")).containsExactly("contactEmail");
    }

    private ResponseEntity<Map> post(String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange("/api/v1/agencies", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "agency-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRAL_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
