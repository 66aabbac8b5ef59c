package fi.perhekeskus.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A realistic scenario with distinctive names and identity codes, then a search of everything the
 * platform stored or sent — Kafka topics, event-store tables, every Mongo collection, the logs —
 * for any of them in plain text: none before erasure, none after. After erasure the sealed values
 * are unreadable, aggregates still load and reports keep their counts.
 */
@ReportingServiceIT
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    private static final List<String> PERSONAL = List.of("Zephyrine", "Quistgaard", "Ottokar", "140788-978X",
            "220321A982P", "1988-07-14", "2021-03-22", "Bartholomeus");

    @Autowired
    TestRestTemplate reporting;

    @Test
    void noPersonalDataIsReadableAnywhereAndErasureShredsIt(CapturedOutput logs) {
        RunningReferralService referral = RunningReferralService.shared();
        UUID clinic = created(referral, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Pispalan neuvola",
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
        UUID counselling = created(referral, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Pispalan perheneuvola",
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
        UUID ngo = created(referral, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Pispalan perhekahvila",
                "organizerType", "NGO", "organizerName", "MLL", "municipality", "Tampere"));
        UUID counsellingService = service(referral, counselling, "Perheneuvonta");
        UUID ngoService = service(referral, ngo, "Vertaistuki");
        String clinicWorker = TOKENS.worker("nurse-1", clinic);
        UUID family = created(referral, "/api/v1/families", clinicWorker, Map.of("municipality", "Tampere",
                "languages", List.of("fi"), "members", List.of(
                        Map.of("role", "PARENT", "givenName", "Zephyrine", "familyName", "Quistgaard",
                                "birthDate", "1988-07-14", "personalIdentityCode", "140788-978X"),
                        Map.of("role", "CHILD", "givenName", "Ottokar", "familyName", "Quistgaard",
                                "birthDate", "2021-03-22", "personalIdentityCode", "220321A982P"))));
        created(referral, "/api/v1/families/" + family + "/consents", clinicWorker, Map.of("agencyIds",
                List.of(counselling, ngo), "purpose", "palveluohjaus", "givenBy", "Zephyrine Quistgaard",
                "validUntil", LocalDate.now().plusYears(1).toString()));
        UUID first = created(referral, "/api/v1/referrals", clinicWorker, Map.of("familyId", family,
                "serviceId", counsellingService, "reason", "Zephyrine kertoo, että Ottokar ei nuku", "needLevel", "YELLOW",
                "priority", "ROUTINE"));
        String counsellor = TOKENS.worker("counsellor", counselling);
        call(referral, HttpMethod.POST, "/api/v1/referrals/" + first + "/receive", counsellor, null);
        Map<String, Object> redirected = call(referral, HttpMethod.POST, "/api/v1/referrals/" + first + "/redirect", counsellor,
                Map.of("serviceId", ngoService, "note", "Bartholomeus-isä toivoo vertaistukea")).getBody();
        String second = (String) redirected.get("redirectedTo");
        String peer = TOKENS.worker("peer", ngo);
        call(referral, HttpMethod.POST, "/api/v1/referrals/" + second + "/receive", peer, null);
        call(referral, HttpMethod.POST, "/api/v1/referrals/" + second + "/accept", peer, Map.of("responsibleWorker", "ohjaaja-3"));
        // The family's view is built asynchronously: wait until it can be read.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(referral, HttpMethod.GET,
                "/api/v1/families/" + family, peer, null).getBody().toString()).contains("Zephyrine", "140788-978X"));
        await().atMost(Duration.ofSeconds(30)).until(() -> referralsReported(ngo) >= 1);

        Map<String, Integer> before = search(referral, logs);
        System.out.println("privacy search before erasure: " + before);
        assertThat(before.get("hits")).isZero();

        assertThat(call(referral, HttpMethod.DELETE, "/api/v1/families/" + family, TOKENS.coordinator("c"), null)
                .getStatusCode().value()).isEqualTo(204);

        // Every sealed value of the family stored in the event store is now unreadable.
        FamilySealer sealer = referral.bean(FamilySealer.class);
        List<String> sealed = sealedValues(referral, family);
        assertThat(sealed).isNotEmpty();
        assertThat(sealed).allSatisfy(value -> assertThat(sealer.open(family, new Sealed(value))).isEmpty());
        // Aggregates still load and move; the history stays with "[erased]" in place of personal fields.
        call(referral, HttpMethod.POST, "/api/v1/referrals/" + second + "/start", peer, null);
        assertThat(call(referral, HttpMethod.POST, "/api/v1/referrals/" + second + "/complete", peer,
                Map.of("outcome", "GOAL_MET")).getBody()).containsEntry("status", "COMPLETED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(referral, HttpMethod.GET,
                "/api/v1/referrals/" + second, peer, null).getBody()).containsEntry("reason", "[erased]")
                .containsEntry("status", "COMPLETED"));
        assertThat(call(referral, HttpMethod.GET, "/api/v1/families/" + family, peer, null).getStatusCode().value())
                .isEqualTo(404);
        // Reports keep their counts.
        await().atMost(Duration.ofSeconds(20)).until(() -> referralsReported(ngo) == 1);

        Map<String, Integer> after = search(referral, logs);
        System.out.println("privacy search after erasure: " + after);
        assertThat(after.get("hits")).isZero();

        List<Map<String, Object>> log = (List<Map<String, Object>>) (List<?>) call(referral, HttpMethod.GET,
                "/api/v1/families/" + family + "/access-log", TOKENS.coordinator("c"), null, List.class).getBody();
        System.out.println("access log of family " + family + ":");
        log.forEach(entry -> System.out.println("  " + entry));
        assertThat(log).filteredOn(e -> "DISCLOSURE".equals(e.get("kind"))).hasSize(2);
        assertThat(log).filteredOn(e -> "ERASURE".equals(e.get("kind"))).hasSize(1);
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "USAGE").containsEntry("outcome", "ALLOWED")
                .containsEntry("agencyId", ngo.toString()));
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "USAGE").containsEntry("outcome", "REFUSED"));
    }

    /** Counts records searched and plain-text hits of the personal strings across every store and the logs. */
    private Map<String, Integer> search(RunningReferralService referral, CapturedOutput logs) {
        List<String> texts = new ArrayList<>();
        texts.addAll(topics());
        texts.addAll(referral.eventStore().queryForList("SELECT convert_from(payload, 'UTF8') || ' ' || "
                + "coalesce(convert_from(metadata, 'UTF8'), '') FROM domainevententry", String.class));
        texts.addAll(referral.eventStore().queryForList("SELECT coalesce(convert_from(token, 'UTF8'), '') FROM tokenentry",
                String.class));
        texts.addAll(referral.eventStore().queryForList("SELECT concat_ws(' ', worker, purpose, basis) FROM access_log",
                String.class));
        try (MongoClient client = MongoClients.create(LocalInfrastructure.shared().mongoUri("admin"))) {
            for (String database : List.of("perhekeskus_referral", "perhekeskus_reporting")) {
                MongoDatabase db = client.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    for (Document d : db.getCollection(collection).find()) {
                        texts.add(d.toJson());
                    }
                }
            }
        }
        texts.add(logs.getAll());
        int hits = 0;
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String personal : PERSONAL) {
                if (lower.contains(personal.toLowerCase(Locale.ROOT))) {
                    hits++;
                }
            }
        }
        return Map.of("records", texts.size(), "hits", hits);
    }

    private static List<String> topics() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
                "privacy-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRAL_EVENTS, Topics.MEETING_EVENTS));
            int idle = 0;
            while (idle < 4) {
                var batch = consumer.poll(Duration.ofMillis(500));
                idle = batch.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : batch) {
                    StringBuilder text = new StringBuilder(record.key() + " " + new String(record.value(), StandardCharsets.UTF_8));
                    for (Header header : record.headers()) {
                        text.append(' ').append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(text.toString());
                }
            }
        }
        return records;
    }

    private static List<String> sealedValues(RunningReferralService referral, UUID family) {
        List<String> values = new ArrayList<>();
        Pattern sealed = Pattern.compile("\"(v1\\.[A-Za-z0-9_-]+)\"");
        for (String payload : referral.eventStore().queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE convert_from(payload, 'UTF8') LIKE ?", String.class, "%" + family + "%")) {
            Matcher m = sealed.matcher(payload);
            while (m.find()) {
                values.add(m.group(1));
            }
        }
        return values;
    }

    private int referralsReported(UUID agency) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.coordinator("c"));
        List<Map<String, Object>> rows = reporting.exchange("/api/v1/reports/referrals?groupBy=AGENCY", HttpMethod.GET,
                new HttpEntity<>(headers), List.class).getBody();
        return rows.stream().filter(r -> agency.toString().equals(r.get("group")))
                .mapToInt(r -> ((Number) r.get("made")).intValue()).sum();
    }

    private static UUID service(RunningReferralService referral, UUID agency, String name) {
        return created(referral, "/api/v1/services", TOKENS.coordinator("c"), Map.of("agencyId", agency, "name", name,
                "kind", "INDIVIDUAL", "needLevel", "YELLOW", "ageFromMonths", 0, "ageToMonths", 216,
                "municipalities", List.of("Tampere"), "languages", List.of("fi")));
    }

    private static UUID created(RunningReferralService referral, String path, String token, Object body) {
        ResponseEntity<Map> response = call(referral, HttpMethod.POST, path, token, body);
        assertThat(response.getStatusCode().value()).as("%s: %s", path, response.getBody()).isEqualTo(201);
        return UUID.fromString((String) response.getBody().get("id"));
    }

    private static ResponseEntity<Map> call(RunningReferralService referral, HttpMethod method, String path, String token,
                                            Object body) {
        return call(referral, method, path, token, body, Map.class);
    }

    private static <T> ResponseEntity<T> call(RunningReferralService referral, HttpMethod method, String path, String token,
                                              Object body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        TestRestTemplate http = referral.http();
        return http.exchange(path, method, new HttpEntity<>(body, headers), type);
    }
}
