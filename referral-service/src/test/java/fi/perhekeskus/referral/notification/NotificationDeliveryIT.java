package fi.perhekeskus.referral.notification;

import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.infra.local.LocalMail;
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
 * Delivery on the real database and mail server: a stopped and restarted sender leaves exactly one
 * message per cause, and while SMTP is unreachable messages are retried, listed with their error,
 * FAILED after the last attempt, and sent once the server is back and a coordinator retries them.
 */
class NotificationDeliveryIT {

    private static ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--perhekeskus.notifications.send-interval=100ms",
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
        ConfigurableApplicationContext first = start();
        UUID agency = agencyWithAddress(first, office);
        List<String> causes = causes("restart", 40);
        enqueue(first, agency, causes);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Mailbox.read(imap, office).isEmpty());
        first.close();
        // The same causes handled again (a replay after the restart) store nothing new.
        ConfigurableApplicationContext second = start();
        try {
            enqueue(second, agency, causes);
            Set<String> expected = new HashSet<>();
            causes.forEach(c -> expected.add(MessageIds.header(MessageIds.of(c, RecipientKind.AGENCY), "localhost")));
            await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.read(imap, office).size() >= causes.size());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> Mailbox.read(imap, office).size() == causes.size());
            assertThat(Mailbox.read(imap, office)).extracting(Mailbox.Mail::messageId)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            second.close();
        }
    }

    @Test
    void whileSmtpIsUnreachableMessagesAreRetriedThenFailedAndSentWhenItIsBack() {
        int smtp = FreePorts.next();
        int imap = FreePorts.next();
        String office = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fi";
        ConfigurableApplicationContext context = start("--spring.mail.port=" + smtp,
                "--perhekeskus.notifications.max-attempts=3", "--perhekeskus.notifications.stuck-after=PT1S");
        LocalMail mail = null;
        try {
            Api api = api(context);
            UUID agency = agencyWithAddress(context, office);
            List<String> causes = causes("outage", 1);
            enqueue(context, agency, causes);
            String id = MessageIds.of(causes.get(0), RecipientKind.AGENCY).toString();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    api.list("/api/v1/admin/notifications?status=PENDING", Api.coordinator()))
                    .anySatisfy(n -> assertThat(n).containsEntry("messageId", id).containsEntry("attempts", 1)
                            .extractingByKey("lastError").asString().contains("Connect")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api.list("/api/v1/admin/notifications?status=FAILED", Api.coordinator()))
                    .anySatisfy(n -> assertThat(n).containsEntry("messageId", id).containsEntry("attempts", 3)));
            assertThat(api.list("/api/v1/admin/notifications?status=FAILED", Api.coordinator()).toString())
                    .doesNotContain(office);
            Map<String, Object> health = api.ok(HttpMethod.GET, "/actuator/health", Api.coordinator(), null);
            assertThat(health).containsEntry("status", "WARNING");
            assertThat(health.toString()).contains("failed").doesNotContain(office);

            mail = LocalMail.start(smtp, imap);
            api.ok(HttpMethod.POST, "/api/v1/admin/notifications/" + id + "/retry", Api.coordinator(), null);
            await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.read(imap, office).size() == 1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    api.list("/api/v1/admin/notifications?status=SENT", Api.coordinator()))
                    .anySatisfy(n -> assertThat(n).containsEntry("messageId", id)));
            assertThat(api.call(HttpMethod.POST, "/api/v1/admin/notifications/" + id + "/retry", Api.coordinator(), null)
                    .getStatusCode().value()).isEqualTo(409);
        } finally {
            context.close();
            if (mail != null) {
                mail.close();
            }
        }
    }
}
