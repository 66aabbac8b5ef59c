package fi.perhekeskus.meeting.enrolment;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.meeting.MeetingServiceIT;
import fi.perhekeskus.meeting.parties.KnownParties;
import fi.perhekeskus.meeting.support.ReferralTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record (its value cannot be read) is parked in the dead-letter queue together with the
 * later events of its referral, in order, while other referrals keep flowing; coordinators see it
 * and can retry it.
 */
@MeetingServiceIT
class PoisonEventIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    KnownParties parties;

    @Test
    void aPoisonEventIsParkedWithItsReferralsLaterEventsAndOthersFlow() throws Exception {
        UUID agency = UUID.randomUUID();
        try (ReferralTopic topic = new ReferralTopic(objectMapper, parties, parties)) {
            topic.agencies(agency);
        }
        UUID service = UUID.randomUUID();
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ResponseEntity<Map> scheduled = call(HttpMethod.POST, "/api/v1/programmes", TOKENS.coordinator("c"), Map.of(
                "name", "Vauvaryhmä", "serviceId", service, "agencyIds", List.of(agency), "location", "Nokia",
                "capacityFamilies", 10, "plannedFamilies", 10, "targetAgeMonths", Map.of("from", 0, "to", 6),
                "sessions", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusSeconds(7200).toString(),
                        "topic", "ilta", "facilitatorAgencyIds", List.of(agency)))));
        String programme = (String) scheduled.getBody().get("id");

        UUID poisoned = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        CloudEventsMessageConverter converter = new CloudEventsMessageConverter(objectMapper, "/test");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> good = record(converter, poisoned, 2, accepted(poisoned, service));
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(good.topic(), null, good.key(),
                    "{not json".getBytes(StandardCharsets.UTF_8), good.headers());
            producer.send(poison).get();
            producer.send(record(converter, poisoned, 3, accepted(poisoned, service))).get();
            producer.send(record(converter, healthy, 2, accepted(healthy, service))).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> view = call(HttpMethod.GET, "/api/v1/programmes/" + programme, TOKENS.coordinator("c"), null)
                    .getBody();
            assertThat((List<Map<String, Object>>) view.get("enrolled")).extracting(p -> p.get("referralId"))
                    .containsExactly(healthy.toString());
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> parked = deadLetters().stream()
                    .filter(p -> "referral-enrolment".equals(p.get("processor"))).findFirst().orElseThrow();
            assertThat(((Number) parked.get("events")).intValue()).isEqualTo(2);
            assertThat((List<Map<String, Object>>) parked.get("parked")).extracting(e -> e.get("sequenceNumber"))
                    .containsExactly(2, 3);
        });

        Map<String, Object> retried = call(HttpMethod.POST, "/api/v1/admin/dead-letters/referral-enrolment/retry",
                TOKENS.coordinator("c"), null).getBody();
        assertThat(retried).containsEntry("stillParked", 2);
        assertThat(call(HttpMethod.GET, "/api/v1/admin/dead-letters", TOKENS.worker("w", agency), null)
                .getStatusCode().value()).isEqualTo(403);
    }

    private static ReferralAccepted accepted(UUID referral, UUID service) {
        return new ReferralAccepted(referral, UUID.randomUUID(), service, UUID.randomUUID(), null, null, "w", Instant.now());
    }

    private static ProducerRecord<String, byte[]> record(CloudEventsMessageConverter converter, UUID referral, long seq,
                                                         Object event) {
        return converter.createKafkaMessage(new GenericDomainEventMessage<>("Referral", referral.toString(), seq, event,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now()), Topics.REFERRAL_EVENTS);
    }

    private List<Map<String, Object>> deadLetters() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.coordinator("c"));
        return http.exchange("/api/v1/admin/dead-letters", HttpMethod.GET, new HttpEntity<>(headers), List.class).getBody();
    }

    private ResponseEntity<Map> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }
}
