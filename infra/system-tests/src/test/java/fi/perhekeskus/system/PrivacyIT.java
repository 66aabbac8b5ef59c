package fi.perhekeskus.system;

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
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fi.perhekeskus.system.BearerCalls.call;
import static fi.perhekeskus.system.BearerCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A realistic scenario with distinctive names and identity codes, and a distinctive marker in every
 * free-text field of every command of referral-service and meeting-service (consent purpose and
 * given-by, reason, legal basis, decline reason, redirect and completion notes, cancel reason,
 * responsible worker, network-meeting actions, session reschedule and cancel reasons, feedback
 * comment). Then a search of everything the platform stored or sent — Kafka topics, both event
 * stores, every Mongo collection of the three services, the logs — for any of them in plain text:
 * none before erasure, none after. The parties still read each text over HTTP where they may; after
 * erasure the family's sealed values are unreadable and read "[erased]", aggregates still load and
 * reports keep their counts.
 */
@SystemIT
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

    private static final LocalTokens TOKENS = LocalSecrets.forTests().tokens();
    /** In every free text below: found anywhere in plain text, it is a leak. */
    private static final String MARK = "Vorpalqux";
    private static final String PURPOSE = "palveluohjaus " + MARK + "-purpose";
    private static final String GIVEN_BY = "Zephyrine Quistgaard " + MARK + "-givenBy";
    private static final String REASON = "Zephyrine kertoo, että Ottokar ei nuku " + MARK + "-reason";
    private static final String REDIRECT_NOTE = "Bartholomeus-isä toivoo vertaistukea " + MARK + "-redirect";
    private static final String WORKER = "ohjaaja Ilona " + MARK + "-worker";
    private static final String LEGAL_BASIS = "Lastensuojelulaki 417/2007 25 § " + MARK + "-legal";
    private static final String DECLINE_REASON = "Ottokarin asia kuuluu muualle " + MARK + "-decline";
    private static final String CANCEL_REASON = "Zephyrine perui " + MARK + "-cancel";
    private static final String COMPLETION_NOTE = "Ottokar nukkuu nyt " + MARK + "-completion";
    private static final String ACTION = "Ottokarin unikoulu " + MARK + "-action";
    private static final String MEETING_BASIS = "Lastensuojelulaki 417/2007, Ottokar " + MARK + "-meetingbasis";
    private static final String RESCHEDULE_REASON = "Sali varattu, kertoi Pekka " + MARK + "-reschedule";
    private static final String CANCEL_SESSION_REASON = "Ohjaaja Liisa sairas " + MARK + "-cancelsession";
    private static final String COMMENT = "Ohjaaja Tuulikki oli ihana " + MARK + "-feedback";
    private static final List<String> PERSONAL = List.of("Zephyrine", "Quistgaard", "Ottokar", "140788-978X",
            "220321A982P", "1988-07-14", "2021-03-22", "Bartholomeus", MARK);

    @Autowired
    TestRestTemplate reporting;

    @Test
    void noPersonalDataIsReadableAnywhereAndErasureShredsIt(CapturedOutput logs) {
        RunningService referral = RunningService.referral();
        RunningService meeting = RunningService.meeting();
        TestRestTemplate r = referral.http();
        TestRestTemplate m = meeting.http();
        UUID clinic = created(r, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Pispalan neuvola",
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
        UUID counselling = created(r, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Pispalan perheneuvola",
                "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
        UUID ngo = created(r, "/api/v1/agencies", TOKENS.coordinator("c"), Map.of("name", "Pispalan perhekahvila",
                "organizerType", "NGO", "organizerName", "MLL", "municipality", "Tampere"));
        UUID counsellingService = service(r, counselling, "Perheneuvonta");
        UUID ngoService = service(r, ngo, "Vertaistuki");
        String clinicWorker = TOKENS.worker("nurse-1", clinic);
        UUID family = created(r, "/api/v1/families", clinicWorker, Map.of("municipality", "Tampere",
                "languages", List.of("fi"), "members", List.of(
                        Map.of("role", "PARENT", "givenName", "Zephyrine", "familyName", "Quistgaard",
                                "birthDate", "1988-07-14", "personalIdentityCode", "140788-978X"),
                        Map.of("role", "CHILD", "givenName", "Ottokar", "familyName", "Quistgaard",
                                "birthDate", "2021-03-22", "personalIdentityCode", "220321A982P"))));
        created(r, "/api/v1/families/" + family + "/consents", clinicWorker, Map.of("agencyIds",
                List.of(counselling, ngo), "purpose", PURPOSE, "givenBy", GIVEN_BY,
                "validUntil", LocalDate.now().plusYears(1).toString()));
        UUID first = created(r, "/api/v1/referrals", clinicWorker, Map.of("familyId", family,
                "serviceId", counsellingService, "reason", REASON, "needLevel", "YELLOW", "priority", "ROUTINE"));
        String counsellor = TOKENS.worker("counsellor", counselling);
        call(r, HttpMethod.POST, "/api/v1/referrals/" + first + "/receive", counsellor, null);
        Map<String, Object> redirected = call(r, HttpMethod.POST, "/api/v1/referrals/" + first + "/redirect", counsellor,
                Map.of("serviceId", ngoService, "note", REDIRECT_NOTE)).getBody();
        String second = (String) redirected.get("redirectedTo");
        String peer = TOKENS.worker("peer", ngo);
        call(r, HttpMethod.POST, "/api/v1/referrals/" + second + "/receive", peer, null);
        // The mover is answered with the name it gave; the event carries it sealed.
        assertThat(call(r, HttpMethod.POST, "/api/v1/referrals/" + second + "/accept", peer,
                Map.of("responsibleWorker", WORKER)).getBody()).containsEntry("responsibleWorker", WORKER);
        // On a legal basis, declined with a reason.
        UUID legal = created(r, "/api/v1/referrals", clinicWorker, Map.of("familyId", family,
                "serviceId", counsellingService, "reason", REASON, "needLevel", "RED", "priority", "URGENT",
                "legalBasis", LEGAL_BASIS));
        call(r, HttpMethod.POST, "/api/v1/referrals/" + legal + "/receive", counsellor, null);
        assertOk(call(r, HttpMethod.POST, "/api/v1/referrals/" + legal + "/decline", counsellor,
                Map.of("reason", DECLINE_REASON)));
        // Cancelled by the sender, with a reason.
        UUID cancelled = created(r, "/api/v1/referrals", clinicWorker, Map.of("familyId", family,
                "serviceId", counsellingService, "reason", REASON, "needLevel", "YELLOW", "priority", "ROUTINE"));
        assertOk(call(r, HttpMethod.POST, "/api/v1/referrals/" + cancelled + "/cancel", clinicWorker,
                Map.of("reason", CANCEL_REASON)));
        // Completed, with a note for the sender.
        UUID completed = created(r, "/api/v1/referrals", clinicWorker, Map.of("familyId", family,
                "serviceId", counsellingService, "reason", REASON, "needLevel", "YELLOW", "priority", "ROUTINE"));
        for (String move : List.of("receive", "accept", "start")) {
            assertOk(call(r, HttpMethod.POST, "/api/v1/referrals/" + completed + "/" + move, counsellor, null));
        }
        assertOk(call(r, HttpMethod.POST, "/api/v1/referrals/" + completed + "/complete", counsellor,
                Map.of("outcome", "GOAL_MET", "note", COMPLETION_NOTE)));

        // meeting-service: a programme whose sessions change with reasons, feedback with a comment, a network meeting.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> sessions = List.of(
                session(now.minus(3, ChronoUnit.HOURS), "Vauvan uni", ngo),
                session(now.plus(7, ChronoUnit.DAYS), "Vanhemmuus", ngo),
                session(now.plus(14, ChronoUnit.DAYS), "Arjen voimavarat", ngo));
        ResponseEntity<Map> scheduled = call(m, HttpMethod.POST, "/api/v1/programmes", TOKENS.coordinator("c"), Map.of(
                "name", "Meidän vauva, Pispala", "serviceId", ngoService, "agencyIds", List.of(clinic, ngo),
                "location", "Pispalan perhekeskus", "capacityFamilies", 10, "plannedFamilies", 10,
                "targetAgeMonths", Map.of("from", 0, "to", 60), "sessions", sessions));
        assertThat(scheduled.getStatusCode().value()).as("%s", scheduled.getBody()).isEqualTo(201);
        UUID programme = UUID.fromString((String) scheduled.getBody().get("id"));
        List<String> sessionIds = (List<String>) scheduled.getBody().get("sessionIds");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(m, HttpMethod.POST,
                "/api/v1/programmes/" + programme + "/enrolments", peer, Map.of("familyId", family, "source", "SELF"))
                .getStatusCode().value()).isIn(201, 409));
        assertOk(call(m, HttpMethod.POST, "/api/v1/sessions/" + sessionIds.get(0) + "/attendance", peer,
                Map.of("families", List.of(Map.of("familyId", family, "adults", 2, "fathers", 1, "children", 1)))));
        assertThat(call(m, HttpMethod.POST, "/api/v1/sessions/" + sessionIds.get(0) + "/feedback", peer,
                Map.of("timingSuited", "YES", "contentMetNeeds", "YES", "infoMatchedChildAge", "PARTLY", "comment", COMMENT))
                .getStatusCode().value()).isEqualTo(201);
        Instant moved = now.plus(8, ChronoUnit.DAYS);
        assertOk(call(m, HttpMethod.POST, "/api/v1/programmes/" + programme + "/sessions/" + sessionIds.get(1)
                + "/reschedule", peer, Map.of("startsAt", moved.toString(), "endsAt", moved.plus(2, ChronoUnit.HOURS)
                .toString(), "reasonCode", "PREMISES_UNAVAILABLE", "reason", RESCHEDULE_REASON)));
        assertOk(call(m, HttpMethod.POST, "/api/v1/programmes/" + programme + "/sessions/" + sessionIds.get(2) + "/cancel",
                peer, Map.of("reason", CANCEL_SESSION_REASON)));
        UUID networkMeeting = created(m, "/api/v1/network-meetings", peer, Map.of("familyId", family,
                "agencyIds", List.of(clinic, ngo), "heldOn", LocalDate.now().toString(), "needsAssessed", List.of("SLEEP"),
                "legalBasis", MEETING_BASIS,
                "agreedActions", List.of(Map.of("agencyId", ngo, "action", ACTION,
                        "due", LocalDate.now().plusDays(14).toString()))));

        // The views are built asynchronously: wait until they can be read.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(r, HttpMethod.GET,
                "/api/v1/families/" + family, peer, null).getBody().toString()).contains("Zephyrine", "140788-978X"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(r, HttpMethod.GET,
                "/api/v1/referrals/" + completed, clinicWorker, null).getBody()).containsEntry("status", "COMPLETED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(m, HttpMethod.GET,
                "/api/v1/programmes/" + programme, TOKENS.coordinator("c"), null).getBody().toString())
                .contains("CANCELLED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> referralsReported(ngo) >= 1);

        // Whoever may see a text reads it opened.
        List<Map<String, Object>> consents = (List<Map<String, Object>>) call(r, HttpMethod.GET,
                "/api/v1/families/" + family, peer, null).getBody().get("consents");
        assertThat(consents).singleElement().satisfies(c -> assertThat(c).containsEntry("purpose", PURPOSE)
                .containsEntry("givenBy", GIVEN_BY));
        assertThat(detail(r, first, clinicWorker)).containsEntry("reason", REASON).containsEntry("redirectNote", REDIRECT_NOTE);
        assertThat(detail(r, second, clinicWorker)).containsEntry("reason", REASON).containsEntry("responsibleWorker", WORKER);
        assertThat(detail(r, second, peer)).containsEntry("reason", REASON).containsEntry("responsibleWorker", WORKER);
        assertThat(detail(r, legal, clinicWorker)).containsEntry("legalBasis", LEGAL_BASIS)
                .containsEntry("declineReason", DECLINE_REASON);
        assertThat(detail(r, legal, counsellor)).containsEntry("legalBasis", LEGAL_BASIS);
        assertThat(detail(r, cancelled, clinicWorker)).containsEntry("cancelReason", CANCEL_REASON);
        assertThat(detail(r, completed, clinicWorker)).containsEntry("completionNote", COMPLETION_NOTE);
        List<Map<String, Object>> programmeSessions = (List<Map<String, Object>>) call(m, HttpMethod.GET,
                "/api/v1/programmes/" + programme, peer, null).getBody().get("sessions");
        assertThat(programmeSessions).anySatisfy(s -> assertThat(s).containsEntry("changeReason", "PREMISES_UNAVAILABLE")
                .containsEntry("changeNote", RESCHEDULE_REASON));
        assertThat(programmeSessions).anySatisfy(s -> assertThat(s).containsEntry("changeReason", "OTHER")
                .containsEntry("changeNote", CANCEL_SESSION_REASON).containsEntry("status", "CANCELLED"));
        assertThat(call(m, HttpMethod.GET, "/api/v1/sessions/" + sessionIds.get(0) + "/feedback/comments", peer, null,
                List.class).getBody().toString()).contains(COMMENT);
        // An agency that facilitates none of the sessions reads no comment.
        assertThat(call(m, HttpMethod.GET, "/api/v1/sessions/" + sessionIds.get(0) + "/feedback/comments", clinicWorker,
                null).getStatusCode().value()).isEqualTo(404);

        Map<String, Integer> before = search(referral, meeting, logs);
        System.out.println("privacy search before erasure: " + before);
        assertThat(before.get("hits")).isZero();

        assertThat(call(r, HttpMethod.DELETE, "/api/v1/families/" + family, TOKENS.coordinator("c"), null)
                .getStatusCode().value()).isEqualTo(204);

        // Every sealed value of the family stored in either event store is now unreadable.
        FamilySealer sealer = referral.sealer();
        List<String> sealed = sealedValues(referral.eventStore(), family);
        assertThat(sealed).isNotEmpty();
        assertThat(sealed).allSatisfy(value -> assertThat(sealer.open(family, new Sealed(value))).isEmpty());
        FamilySealer meetingSealer = meeting.sealer();
        await().atMost(Duration.ofSeconds(20)).until(() -> meetingSealer.isErased(family));
        List<String> actions = sealedValues(meeting.eventStore(), family);
        assertThat(actions).isNotEmpty();
        assertThat(actions).allSatisfy(value -> assertThat(meetingSealer.open(family, new Sealed(value))).isEmpty());
        // Aggregates still load and move; the history stays with "[erased]" in place of personal fields.
        call(r, HttpMethod.POST, "/api/v1/referrals/" + second + "/start", peer, null);
        assertThat(call(r, HttpMethod.POST, "/api/v1/referrals/" + second + "/complete", peer,
                Map.of("outcome", "GOAL_MET")).getBody()).containsEntry("status", "COMPLETED")
                .containsEntry("responsibleWorker", FamilySealer.ERASED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(detail(r, second, peer))
                .containsEntry("reason", "[erased]").containsEntry("responsibleWorker", "[erased]")
                .containsEntry("status", "COMPLETED"));
        assertThat(detail(r, first, clinicWorker)).containsEntry("redirectNote", "[erased]");
        assertThat(detail(r, legal, clinicWorker)).containsEntry("legalBasis", "[erased]")
                .containsEntry("declineReason", "[erased]");
        assertThat(detail(r, cancelled, clinicWorker)).containsEntry("cancelReason", "[erased]");
        assertThat(detail(r, completed, clinicWorker)).containsEntry("completionNote", "[erased]");
        assertThat(call(r, HttpMethod.GET, "/api/v1/families/" + family, peer, null).getStatusCode().value())
                .isEqualTo(404);
        // The programme's own notes belong to no family: its agencies still read them.
        assertThat(call(m, HttpMethod.GET, "/api/v1/programmes/" + programme, peer, null).getBody().toString())
                .contains(RESCHEDULE_REASON, CANCEL_SESSION_REASON);
        // Reports keep their counts.
        await().atMost(Duration.ofSeconds(20)).until(() -> referralsReported(ngo) == 1);

        Map<String, Integer> after = search(referral, meeting, logs);
        System.out.println("privacy search after erasure: " + after);
        assertThat(after.get("hits")).isZero();

        List<Map<String, Object>> log = (List<Map<String, Object>>) (List<?>) call(r, HttpMethod.GET,
                "/api/v1/families/" + family + "/access-log?limit=500", TOKENS.coordinator("c"), null, List.class).getBody();
        System.out.println("access log of family " + family + ":");
        log.forEach(entry -> System.out.println("  " + entry));
        assertThat(log).filteredOn(e -> "DISCLOSURE".equals(e.get("kind"))
                && !String.valueOf(e.get("purpose")).endsWith("(meeting-service)")).hasSize(5);
        // meeting-service's disclosures (the enrolment and the network meeting, each to the family's two
        // agencies there) arrive over its topic.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> later = (List<Map<String, Object>>) (List<?>) call(r, HttpMethod.GET,
                    "/api/v1/families/" + family + "/access-log?limit=500", TOKENS.coordinator("c"), null, List.class).getBody();
            assertThat(later).filteredOn(e -> "DISCLOSURE".equals(e.get("kind"))
                    && String.valueOf(e.get("purpose")).endsWith("(meeting-service)")).hasSize(4);
        });
        assertThat(log).filteredOn(e -> "ERASURE".equals(e.get("kind"))).hasSize(1);
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "USAGE").containsEntry("outcome", "ALLOWED")
                .containsEntry("agencyId", ngo.toString()));
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "USAGE").containsEntry("outcome", "REFUSED"));
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "DISCLOSURE")
                .containsEntry("basis", "legal basis recorded on referral " + legal));
        assertThat(networkMeeting).isNotNull();
    }

    /** Counts records searched and plain-text hits of the personal strings across every store and the logs. */
    private Map<String, Integer> search(RunningService referral, RunningService meeting,
                                        CapturedOutput logs) {
        List<String> texts = new ArrayList<>();
        texts.addAll(topics());
        for (JdbcTemplate eventStore : List.of(referral.eventStore(), meeting.eventStore())) {
            texts.addAll(eventStore.queryForList("SELECT convert_from(payload, 'UTF8') || ' ' || "
                    + "coalesce(convert_from(metadata, 'UTF8'), '') FROM domainevententry", String.class));
            texts.addAll(eventStore.queryForList("SELECT coalesce(convert_from(token, 'UTF8'), '') FROM tokenentry",
                    String.class));
        }
        texts.addAll(referral.eventStore().queryForList("SELECT concat_ws(' ', worker, purpose, basis) FROM access_log",
                String.class));
        try (MongoClient client = MongoClients.create(LocalInfrastructure.shared().mongoUri("admin"))) {
            for (String database : List.of("perhekeskus_referral", "perhekeskus_meeting", "perhekeskus_reporting")) {
                MongoDatabase db = client.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    for (Document d : db.getCollection(collection).find()) {
                        texts.add(d.toJson());
                    }
                }
            }
        }
        // This JVM's output (reporting-service) and the logs of the services' own processes.
        texts.add(logs.getAll());
        texts.add(referral.log());
        texts.add(meeting.log());
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

    private static List<String> sealedValues(JdbcTemplate eventStore, UUID family) {
        List<String> values = new ArrayList<>();
        Pattern sealed = Pattern.compile("\"(v1\\.[A-Za-z0-9_-]+)\"");
        for (String payload : eventStore.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
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

    private static UUID service(TestRestTemplate referral, UUID agency, String name) {
        return created(referral, "/api/v1/services", TOKENS.coordinator("c"), Map.of("agencyId", agency, "name", name,
                "kind", "INDIVIDUAL", "needLevel", "YELLOW", "ageFromMonths", 0, "ageToMonths", 216,
                "municipalities", List.of("Tampere"), "languages", List.of("fi")));
    }

    private static Map<String, Object> session(Instant startsAt, String topic, UUID facilitator) {
        return Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plus(2, ChronoUnit.HOURS).toString(),
                "topic", topic, "facilitatorAgencyIds", List.of(facilitator));
    }

    private static Map<String, Object> detail(TestRestTemplate referral, UUID id, String token) {
        return detail(referral, id.toString(), token);
    }

    private static Map<String, Object> detail(TestRestTemplate referral, String id, String token) {
        ResponseEntity<Map> read = call(referral, HttpMethod.GET, "/api/v1/referrals/" + id, token, null);
        assertThat(read.getStatusCode().value()).as("%s", read.getBody()).isEqualTo(200);
        return read.getBody();
    }

    private static void assertOk(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }
}
