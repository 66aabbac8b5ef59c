package fi.perhekeskus.referral.scaleout;

import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.kafka.CloudEvents;
import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.infra.processing.ProcessorOwner;
import fi.perhekeskus.infra.testing.Concurrently;
import fi.perhekeskus.referral.ReferralServiceApplication;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.TopicWatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of referral-service on one event store: commands for the same aggregate arriving
 * at both at once. Each instance appends at the sequence number it read, the store's unique key
 * refuses the loser, and the loser's command runs again on the aggregate as it now is, so every
 * request succeeds and no update is lost. A read at one instance right after a write at the other
 * sees the write, whichever instance holds the view's segment.
 */
@ReferralServiceIT
class TwoInstancesIT {

    private static final int REQUESTS = 16;
    private static final int ROUNDS = 24;

    private static ConfigurableApplicationContext second;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessorOwner owner;

    @BeforeAll
    static void startASecondInstance() {
        second = ReferralServiceApplication.builder()
                .initializers(new LocalInfrastructureInitializer())
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void updatesOfOneFamilyAtBothInstancesAreAllKept() throws Exception {
        Api first = new Api(http);
        Api other = new Api(new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))));
        UUID clinic = first.agency("Hervannan neuvola " + UUID.randomUUID(), "Tampere");
        TopicWatch topic = new TopicWatch(Topics.REFERRAL_EVENTS);
        UUID family = first.family(clinic, "Iida", "Lahtinen", "131052-308T", "1952-10-13");
        int membersBefore = ((List<?>) first.ok(HttpMethod.GET, "/api/v1/families/" + family, worker(clinic), null)
                .get("members")).size();
        AtomicInteger turn = new AtomicInteger();

        List<ResponseEntity<Map>> answers = Concurrently.all(REQUESTS, () -> {
            int n = turn.getAndIncrement();
            Api instance = n % 2 == 0 ? first : other;
            return instance.call(HttpMethod.POST, "/api/v1/families/" + family + "/members", worker(clinic),
                    Map.of("role", "CHILD", "givenName", "Lapsi" + n, "familyName", "Lahtinen",
                            "birthDate", LocalDate.now().minusDays(n).toString()));
        });

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as("%s", a.getBody()).isEqualTo(201));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%FamilyMemberAdded'", Integer.class, family.toString())).isEqualTo(REQUESTS);
        List<Long> sequence = jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, family.toString());
        assertThat(sequence).as("one unbroken sequence").containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, sequence.size()).boxed().toList());
        Map<String, Object> read = other.ok(HttpMethod.GET, "/api/v1/families/" + family, worker(clinic), null);
        assertThat((List<?>) read.get("members")).hasSize(membersBefore + REQUESTS);

        // Both instances publish from the same store, segment by segment: each event goes out once.
        // (Claiming under one shared name, both took every segment and every event went out twice.)
        try (topic) {
            List<String> ids = topic.awaitRecords(family.toString(), sequence.size(), Duration.ofSeconds(30)).stream()
                    .map(r -> new String(r.headers().lastHeader(CloudEvents.ID).value(), StandardCharsets.UTF_8))
                    .toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize(sequence.size());
        }
        assertThat(second.getBean(ProcessorOwner.class)).isNotEqualTo(owner);
    }

    @Test
    void aWriteAtOneInstanceIsReadAtTheOtherRightAfter() {
        Api first = new Api(http);
        Api other = new Api(new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))));
        UUID clinic = first.agency("Tesoman neuvola " + UUID.randomUUID(), "Tampere");
        List<String> stale = new java.util.ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Every pair of writer and reader: whichever instance holds the view's segment, a read at
            // either one right after a write at either one sees it.
            Api writer = round % 2 == 0 ? first : other;
            Api reader = round / 2 % 2 == 0 ? other : first;
            UUID family = writer.family(clinic, "Iida", "Lahtinen", "131052-308T", "1952-10-13");
            ResponseEntity<Map> read = reader.call(HttpMethod.GET, "/api/v1/families/" + family, worker(clinic), null);
            if (read.getStatusCode().value() != 200) {
                stale.add("round " + round + ": " + read.getStatusCode().value());
            }
        }
        assertThat(stale).as("reads right after a write at the other instance").isEmpty();
    }
}
