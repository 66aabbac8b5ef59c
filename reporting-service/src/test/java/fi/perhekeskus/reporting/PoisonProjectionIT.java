package fi.perhekeskus.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A poison record parks its programme's later events in the projection's dead-letter queue; others flow. */
@ReportingServiceIT
class PoisonProjectionIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void aPoisonEventIsParkedAndOtherProgrammesKeepFlowing() {
        UUID poisoned = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        Instant at = Instant.parse("2025-06-02T15:00:00Z");
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            for (UUID programme : List.of(poisoned, healthy)) {
                events.publish(programme, new ProgrammeScheduled(programme, "Ryhmä", UUID.randomUUID(), List.of(UUID.randomUUID()),
                        "Pirkkala", 10, 10, 0, 6, List.of(new ProgrammeScheduled.Session(UUID.randomUUID(), at,
                                at.plusSeconds(3600), "ilta", List.of())), "c", at), at);
            }
            ProducerRecord<String, byte[]> good = events.publish(poisoned, new FamilyEnrolled(poisoned, UUID.randomUUID(),
                    EnrolmentSource.SELF, null, false, "w", at), at);
            events.send(new ProducerRecord<>(good.topic(), null, good.key(), "{broken".getBytes(StandardCharsets.UTF_8),
                    withSequence(good, "2")));
            events.send(new ProducerRecord<>(good.topic(), null, good.key(), good.value(), withSequence(good, "3")));
            events.publish(healthy, new FamilyEnrolled(healthy, UUID.randomUUID(), EnrolmentSource.SELF, null, false, "w", at), at);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(report(healthy)).containsEntry("enrolledFamilies", 1);
            assertThat(report(poisoned)).containsEntry("enrolledFamilies", 1);
            Map<String, Object> parked = deadLetters().stream()
                    .filter(p -> ProcessingGroups.PROGRAMMES.equals(p.get("processor"))).findFirst().orElseThrow();
            assertThat((List<Map<String, Object>>) parked.get("parked")).extracting(e -> e.get("sequenceNumber"))
                    .containsExactly(2, 3);
        });
    }

    private static org.apache.kafka.common.header.Headers withSequence(ProducerRecord<String, byte[]> record, String seq) {
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        for (org.apache.kafka.common.header.Header h : record.headers()) {
            if (h.key().equals("ce_sequence")) {
                headers.add("ce_sequence", seq.getBytes(StandardCharsets.UTF_8));
            } else if (h.key().equals("ce_id")) {
                headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            } else {
                headers.add(h);
            }
        }
        return headers;
    }

    private Map<String, Object> report(UUID programme) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.coordinator("c"));
        return http.exchange("/api/v1/reports/programmes/" + programme, HttpMethod.GET, new HttpEntity<>(headers), Map.class)
                .getBody();
    }

    private List<Map<String, Object>> deadLetters() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.coordinator("c"));
        return http.exchange("/api/v1/admin/dead-letters", HttpMethod.GET, new HttpEntity<>(headers), List.class).getBody();
    }
}
