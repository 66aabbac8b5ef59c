package fi.perhekeskus.referral.limits;

import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.kafka.EventPublishingAutoConfiguration;
import fi.perhekeskus.infra.kafka.KafkaSettings;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.TopicWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests at every limit of docs/contract.md go through the whole flow: stored, read back by the receiver,
 * written to the access log, and published to Kafka; publishing keeps flowing afterwards. A body
 * far over the limit is refused before it can become an event the producer cannot send.
 */
@ReferralServiceIT
class LimitsFlowIT {

    private static final Duration ON_TOPIC = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aMaximalFamilyAndReferralGoThroughTheWholeFlowAndOntoTheTopic() {
        Api api = new Api(http);
        try (TopicWatch topic = new TopicWatch(Topics.REFERRAL_EVENTS)) {
            UUID clinic = api.created(HttpMethod.POST, "/api/v1/agencies", Api.coordinator(), Map.of(
                    "name", text(Limits.NAME), "organizerType", "MUNICIPALITY", "organizerName", text(Limits.NAME),
                    "municipality", text(Limits.NAME), "servedMunicipalities", texts(Limits.LIST, Limits.NAME)));
            UUID counselling = api.agency("Oriveden perheneuvola", "Orivesi");
            UUID third = api.agency("Juupajoen perhetyö", "Juupajoki");
            UUID service = maximalService(api, counselling);
            UUID other = api.service(third, "Perhetyö", "INDIVIDUAL");

            UUID family = api.created(HttpMethod.POST, "/api/v1/families", worker(clinic), maximalFamily());
            List<UUID> agencies = new ArrayList<>(List.of(counselling, third));
            while (agencies.size() < Limits.AGENCY_IDS) {
                agencies.add(UUID.randomUUID());
            }
            api.created(HttpMethod.POST, "/api/v1/families/" + family + "/consents", worker(clinic), Map.of(
                    "agencyIds", agencies, "purpose", text(Limits.NAME), "givenBy", text(Limits.NAME),
                    "validUntil", LocalDate.now().plusYears(1).toString()));

            String reason = text(Limits.TEXT);
            String legalBasis = text(Limits.TEXT);
            UUID referral = refer(api, clinic, family, service, reason, legalBasis);

            // The receiver reads the referral with its full texts, and the family's data.
            Map<String, Object> received = await().atMost(Duration.ofSeconds(10)).until(
                    () -> api.call(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(counselling), null),
                    r -> r.getStatusCode().value() == 200).getBody();
            assertThat(received).containsEntry("reason", reason);
            // A control character in a query value is the firewall's to refuse (see ErrorResponsesIT).
            String purpose = text(Limits.NAME).replace('\u0001', '-');
            RequestEntity<Void> familyRead = RequestEntity.get(UriComponentsBuilder.fromPath("/api/v1/families/{id}")
                            .queryParam("purpose", "{purpose}").encode().buildAndExpand(family, purpose).toUri())
                    .headers(h -> h.setBearerAuth(worker(counselling))).build();
            ResponseEntity<Map> read = http.exchange(familyRead, Map.class);
            assertThat(read.getStatusCode().value()).as("%s", read.getBody()).isEqualTo(200);
            assertThat((List<?>) read.getBody().get("members")).hasSize(Limits.MEMBERS);

            // Every move at its limits.
            String note = text(Limits.TEXT);
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + referral + "/receive", worker(counselling), null);
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + referral + "/accept", worker(counselling), Map.of(
                    "responsibleWorker", text(Limits.NAME), "firstContactOn", LocalDate.now().plusDays(3).toString()));
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + referral + "/start", worker(counselling), null);
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + referral + "/complete", worker(counselling), Map.of(
                    "outcome", "GOAL_MET", "note", note));
            UUID cancelled = refer(api, clinic, family, service, reason, legalBasis);
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + cancelled + "/cancel", worker(clinic), Map.of("reason", note));
            UUID redirected = refer(api, clinic, family, service, reason, legalBasis);
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + redirected + "/receive", worker(counselling), null);
            Map<String, Object> redirect = api.ok(HttpMethod.POST, "/api/v1/referrals/" + redirected + "/redirect",
                    worker(counselling), Map.of("serviceId", other, "note", note));
            UUID forwarded = UUID.fromString((String) redirect.get("redirectedTo"));
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + forwarded + "/receive", worker(third), null);
            api.ok(HttpMethod.POST, "/api/v1/referrals/" + forwarded + "/decline", worker(third), Map.of("reason", note));
            // The sender's view follows the receiver's moves asynchronously.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(clinic), null))
                    .containsEntry("status", "COMPLETED").containsEntry("outcome", "GOAL_MET"));

            // The access log holds the disclosure on its legal basis (named by the referral that records it,
            // never quoted: the basis is sealed free text), and the read with its whole purpose.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<Map<String, Object>> log = api.list("/api/v1/families/" + family + "/access-log", Api.coordinator());
                assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "DISCLOSURE")
                        .containsEntry("referralId", referral.toString())
                        .containsEntry("basis", "legal basis recorded on referral " + referral));
                assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "USAGE")
                        .containsEntry("outcome", "ALLOWED").containsEntry("purpose", purpose));
            });

            // On the topic, each well within what the producer sends.
            for (UUID aggregate : List.of(clinic, service, family, referral, forwarded)) {
                for (ConsumerRecord<String, byte[]> record : topic.awaitRecords(aggregate.toString(), 1, ON_TOPIC)) {
                    assertThat(record.serializedValueSize()).isLessThan(KafkaSettings.DEFAULT_MAX_RECORD_BYTES / 4);
                }
            }
            // Every move of the referral: made, received, accepted, started, completed.
            assertThat(topic.awaitRecords(referral.toString(), 5, ON_TOPIC)).hasSize(5);

            // And publishing goes on.
            UUID later = api.agency("Myöhempi toimija", "Orivesi");
            assertThat(topic.awaitRecords(later.toString(), 1, ON_TOPIC)).hasSize(1);
            assertPublisherHealthy();
        }
    }

    @Test
    void aFamilyOfOnePointSixMegabytesIsRefusedWith413AndPublishingStaysHealthy() {
        Api api = new Api(http);
        UUID clinic = api.agency("Mäntän neuvola", "Mänttä-Vilppula");
        // What stopped publishing: a family with 160,000 languages from an ordinary worker.
        Map<String, Object> huge = new HashMap<>(Map.of("municipality", "Mänttä", "members", List.of(Map.of(
                "role", "PARENT", "givenName", "Iso", "familyName", "Perhe", "birthDate", "1990-01-01"))));
        huge.put("languages", texts(160_000, 8));
        try (TopicWatch topic = new TopicWatch(Topics.REFERRAL_EVENTS)) {
            int before = events();

            ResponseEntity<Map> refused = api.call(HttpMethod.POST, "/api/v1/families", worker(clinic), huge);

            assertThat(refused.getStatusCode().value()).isEqualTo(413);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody()).containsEntry("status", 413);
            assertThat(events()).isEqualTo(before);
            UUID later = api.agency("Vilppulan perhetyö", "Mänttä-Vilppula");
            assertThat(topic.awaitRecords(later.toString(), 1, ON_TOPIC)).hasSize(1);
            assertPublisherHealthy();
        }
    }

    private UUID maximalService(Api api, UUID agency) {
        return api.created(HttpMethod.POST, "/api/v1/services", Api.coordinator(), Map.of("agencyId", agency,
                "name", text(Limits.NAME), "kind", "INDIVIDUAL", "needLevel", "RED", "ageFromMonths", 0,
                "ageToMonths", 216, "municipalities", texts(Limits.LIST, Limits.NAME),
                "languages", texts(Limits.LANGUAGES, Limits.LANGUAGE_TAG), "description", text(Limits.TEXT)));
    }

    private static Map<String, Object> maximalFamily() {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < Limits.MEMBERS; i++) {
            members.add(Map.of("role", i < 2 ? "PARENT" : "CHILD", "givenName", text(Limits.NAME),
                    "familyName", text(Limits.NAME), "birthDate", "1952-10-13", "personalIdentityCode", "131052-308T"));
        }
        return Map.of("municipality", text(Limits.NAME), "languages", texts(Limits.LANGUAGES, Limits.LANGUAGE_TAG),
                "members", members);
    }

    private static UUID refer(Api api, UUID from, UUID family, UUID service, String reason, String legalBasis) {
        return api.created(HttpMethod.POST, "/api/v1/referrals", worker(from), Map.of("familyId", family,
                "serviceId", service, "reason", reason, "needLevel", "RED", "priority", "URGENT",
                "legalBasis", legalBasis));
    }

    private void assertPublisherHealthy() {
        StreamingEventProcessor publisher = processing
                .eventProcessor(EventPublishingAutoConfiguration.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        assertThat(publisher.isRunning()).isTrue();
        assertThat(publisher.isError()).isFalse();
        assertThat(publisher.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    private static List<String> texts(int items, int length) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            texts.add(text(length));
        }
        return texts;
    }

    /**
     * {@code length} characters of the kinds that cost the most bytes: two- and three-byte UTF-8,
     * quotes and backslashes JSON escapes, a control character JSON writes as six bytes.
     */
    static String text(int length) {
        String costly = "Ää€\"\\\u0001 ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(costly.charAt(text.length() % costly.length()));
        }
        // A letter first: a text that begins with a space is still a text.
        text.setCharAt(0, 'Ö');
        return text.toString();
    }
}
