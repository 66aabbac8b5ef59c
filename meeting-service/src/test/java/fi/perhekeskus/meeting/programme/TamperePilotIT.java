package fi.perhekeskus.meeting.programme;

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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Tampere "Meidän vauva" pilot replayed: a programme of four sessions planned for 20
 * families; 13 families come through referrals accepted in referral-service (their events arrive on
 * Kafka, one of them twice); three sessions are held, with 9 families bringing a father; 13 families
 * answer the feedback.
 */
@MeetingServiceIT
class TamperePilotIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID NGO = UUID.randomUUID();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    KnownParties parties;

    @Test
    void thePilotProgrammeShowsItsReachAttendanceAndFeedback() throws Exception {
        // Only agencies registered in referral-service act here: the clinic and the NGO are, the stranger is not.
        try (ReferralTopic topic = new ReferralTopic(objectMapper, parties, parties)) {
            topic.agencies(CLINIC, NGO);
        }
        UUID groupService = UUID.randomUUID();
        // The third evening began this hour and the fourth is ahead: the programme still takes referred families.
        Instant firstEvening = Instant.now().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> sessions = new ArrayList<>();
        String[] topics = {"Vauvan uni ja rytmit", "Vanhemmuus ja parisuhde", "Vauvan kehitys ja leikki", "Arjen voimavarat"};
        for (int i = 0; i < 4; i++) {
            Instant start = firstEvening.plus(7L * i, ChronoUnit.DAYS);
            sessions.add(Map.of("startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                    "topic", topics[i], "facilitatorAgencyIds", List.of(CLINIC, NGO)));
        }
        ResponseEntity<Map> scheduled = call(HttpMethod.POST, "/api/v1/programmes", TOKENS.coordinator("c"), Map.of(
                "name", "Meidän vauva, Hervanta", "serviceId", groupService, "agencyIds", List.of(CLINIC, NGO),
                "location", "Hervannan perhekeskus", "capacityFamilies", 20, "plannedFamilies", 20,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", sessions));
        assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
        String programme = (String) scheduled.getBody().get("id");
        List<String> sessionIds = (List<String>) scheduled.getBody().get("sessionIds");
        assertThat(sessionIds).hasSize(4);

        List<UUID> families = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            CloudEventsMessageConverter converter = new CloudEventsMessageConverter(objectMapper, "/perhekeskus/referral-service");
            for (int i = 0; i < 13; i++) {
                UUID family = UUID.randomUUID();
                families.add(family);
                UUID referral = UUID.randomUUID();
                ReferralAccepted accepted = new ReferralAccepted(referral, family, groupService, NGO, null,
                        null, "neuvola", Instant.now());
                ProducerRecord<String, byte[]> record = converter.createKafkaMessage(new GenericDomainEventMessage<>(
                        "Referral", referral.toString(), 2, accepted, MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), Instant.now()), Topics.REFERRAL_EVENTS);
                producer.send(record).get();
                if (i == 0) {
                    // Redelivered: the same record again must enrol nobody twice.
                    producer.send(record).get();
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat((List<?>) view(programme).get("enrolled")).hasSize(13));
        assertThat((List<Map<String, Object>>) view(programme).get("enrolled"))
                .allSatisfy(p -> assertThat(p).containsEntry("source", "REFERRAL").containsKey("referralId"));

        String facilitator = TOKENS.worker("ohjaaja", NGO);
        for (int s = 0; s < 3; s++) {
            List<Map<String, Object>> present = new ArrayList<>();
            for (int f = 0; f < 13; f++) {
                boolean father = f < 9;
                present.add(Map.of("familyId", families.get(f), "adults", father ? 2 : 1, "fathers", father ? 1 : 0,
                        "children", 1));
            }
            assertThat(call(HttpMethod.POST, "/api/v1/sessions/" + sessionIds.get(s) + "/attendance", facilitator,
                    Map.of("families", present)).getStatusCode().value()).isEqualTo(200);
        }
        for (int f = 0; f < 13; f++) {
            assertThat(call(HttpMethod.POST, "/api/v1/sessions/" + sessionIds.get(0) + "/feedback", facilitator,
                    Map.of("timingSuited", "YES", "contentMetNeeds", f < 11 ? "YES" : "PARTLY",
                            "infoMatchedChildAge", f < 8 ? "YES" : "PARTLY", "comment", "Kiitos, hyvä ilta"))
                    .getStatusCode().value()).isEqualTo(201);
        }
        // Attendance of a session that is not held yet is a 409 for feedback; a stranger may not record it.
        assertThat(call(HttpMethod.POST, "/api/v1/sessions/" + sessionIds.get(3) + "/feedback", facilitator,
                Map.of("timingSuited", "YES", "contentMetNeeds", "YES", "infoMatchedChildAge", "YES"))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(call(HttpMethod.POST, "/api/v1/sessions/" + sessionIds.get(3) + "/attendance",
                TOKENS.worker("x", UUID.randomUUID()), Map.of("families", List.of(Map.of("familyId", families.get(0),
                        "adults", 1, "fathers", 0, "children", 1)))).getStatusCode().value()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> view = view(programme);
            assertThat(view).containsEntry("plannedFamilies", 20).containsEntry("feedbackCount", 13);
            assertThat((List<?>) view.get("enrolled")).hasSize(13);
            assertThat((List<?>) view.get("waitlisted")).isEmpty();
            List<Map<String, Object>> held = ((List<Map<String, Object>>) view.get("sessions")).stream()
                    .filter(s -> "HELD".equals(s.get("status"))).toList();
            assertThat(held).hasSize(3).allSatisfy(s -> assertThat(s).containsEntry("families", 13)
                    .containsEntry("familiesWithFather", 9).containsEntry("children", 13));
        });
        System.out.printf("Tampere pilot: planned 20, enrolled %d, held sessions 3 with 13 families and 9 fathers each, "
                + "feedback %s%n", ((List<?>) view(programme).get("enrolled")).size(), view(programme).get("feedbackCount"));
    }

    private Map<String, Object> view(String programme) {
        ResponseEntity<Map> response = call(HttpMethod.GET, "/api/v1/programmes/" + programme,
                TOKENS.worker("ohjaaja", CLINIC), null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<Map> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }
}
