package fi.perhekeskus.referral.notification;

import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.referral.ReferralServiceApplication;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery on the real database and mail server: a sender stopped mid-batch and started again leaves
 * exactly one message per cause, and while SMTP is unreachable messages are retried, listed with
 * their error, FAILED after the last attempt, and sent once the server is back and a coordinator
 * retries them. Each test has a database of its own, so no other test context's sender takes its rows.
 */
class NotificationDeliveryIT {

    private static ConfigurableApplicationContext start(String database, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--perhekeskus.database=" + database,
                "--perhekeskus.read-database=perhekeskus_" + database, "--perhekeskus.notifications.send-interval=100ms",
                "--perhekeskus.notifications.batch-size=5", "--perhekeskus.notifications.first-retry=PT1S",
                "--perhekeskus.notifications.max-retry=PT2S"));
        args.addAll(List.of(more));
        return ReferralServiceApplication.builder().initializers(new LocalInfrastructureInitializer())
                .run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
    }

    /** An agency the outbox knows the address of, as its registration leaves it. */
    private static UUID agencyWithAddress(ConfigurableApplicationContext context, String address) {
        UUID agency = UUID.randomUUID();
        context.getBean(JdbcTemplate.class).update(
                "INSERT INTO notification_agencies (agency_id, contact_email) VALUES (?, ?)", agency, address);
        return agency;
    }

    private static List<String> causes(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "/" + UUID.randomUUID()).toList();
    }

    private static void enqueue(ConfigurableApplicationContext context, UUID agency, List<String> causes) {
        NotificationOutbox outbox = context.getBean(NotificationOutbox.class);
        for (String cause : causes) {
            UUID referral = UUID.randomUUID();
            outbox.enqueue(NotificationKind.INCOMING_REFERRAL, agency, cause, Map.of("referralId", referral.toString(),
                    "link", "http://127.0.0.1/api/v1/referrals/" + referral), Instant.now());
        }
    }

    @Test
    void aSenderStoppedMidBatchAndStartedAgainSendsEachMessageOnce() {
        String office = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fi";
        int imap = LocalInfrastructure.shared().mail().imapPort();
        ConfigurableApplicationContext first = start("notification_restart");
        UUID agency = agencyWithAddress(first, office);
        List<String> causes = causes("restart", 30);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        String sentCount = "SELECT count(*) FROM notification_outbox WHERE status = 'SENT' AND cause LIKE 'restart/%'";
        jdbc.update("DELETE FROM notification_outbox WHERE cause LIKE 'restart/%'");
        enqueue(first, agency, causes);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject(sentCount, Integer.class) > 0);
        first.close();
        ConfigurableApplicationContext second = start("notification_restart");
        try {
            int sentBefore = second.getBean(JdbcTemplate.class).queryForObject(sentCount, Integer.class);
            assertThat(sentBefore).as("stopped mid-batch").isBetween(1, causes.size() - 1);
            // The same causes handled again (a replay after the restart) store nothing new.
            enqueue(second, agency, causes);
            await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.count(imap, office) >= causes.size());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                    .until(() -> Mailbox.count(imap, office) == causes.size());
            Set<String> expected = new HashSet<>();
            causes.forEach(c -> expected.add(MessageIds.header(MessageIds.of(c, RecipientKind.AGENCY), "localhost")));
            assertThat(Mailbox.read(imap, office)).extracting(Mailbox.Mail::messageId)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            second.close();
        }
    }

    @Test
    void whileSmtpIsUnreachableMessagesAreRetriedThenFailedAndSentWhenItIsBack() {
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        int imap = infrastructure.mail().imapPort();
        String office = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fi";
        ConfigurableApplicationContext context = start("notification_outage",
                "--perhekeskus.notifications.max-attempts=3", "--perhekeskus.notifications.stuck-after=PT1S");
        try {
            Api api = api(context);
            UUID agency = agencyWithAddress(context, office);
            List<String> causes = causes("outage", 1);
            String id = MessageIds.of(causes.get(0), RecipientKind.AGENCY).toString();
            infrastructure.stopMail();
            enqueue(context, agency, causes);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                    api.list("/api/v1/admin/notifications?status=PENDING", Api.coordinator()))
                    .anySatisfy(n -> assertThat(n).containsEntry("messageId", id)
                            .extractingByKey("lastError").asString().contains("Connect")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api.list("/api/v1/admin/notifications?status=FAILED", Api.coordinator()))
                    .anySatisfy(n -> assertThat(n).containsEntry("messageId", id).containsEntry("attempts", 3)));
            assertThat(api.list("/api/v1/admin/notifications?status=FAILED", Api.coordinator()).toString())
                    .doesNotContain(office);
            Map<String, Object> health = api.ok(HttpMethod.GET, "/actuator/health", Api.coordinator(), null);
            assertThat(health).containsEntry("status", "WARNING");
            assertThat(health.toString()).contains("failed").doesNotContain(office);

            infrastructure.restartMail();
            api.ok(HttpMethod.POST, "/api/v1/admin/notifications/" + id + "/retry", Api.coordinator(), null);
            await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.count(imap, office) == 1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    api.list("/api/v1/admin/notifications?status=SENT", Api.coordinator()))
                    .anySatisfy(n -> assertThat(n).containsEntry("messageId", id)));
            assertThat(api.call(HttpMethod.POST, "/api/v1/admin/notifications/" + id + "/retry", Api.coordinator(), null)
                    .getStatusCode().value()).isEqualTo(409);
        } finally {
            infrastructure.restartMail();
            context.close();
        }
    }
}
