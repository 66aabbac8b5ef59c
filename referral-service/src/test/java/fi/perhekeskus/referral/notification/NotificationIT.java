package fi.perhekeskus.referral.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.links.FamilyLinkTokens;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import fi.perhekeskus.referral.support.Mailbox;
import fi.perhekeskus.referral.support.MeetingTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * E-mail notifications through the real local mail server, read back over IMAP: an agency hears of a
 * new referral by a link only, a family of its place in its own language and of its session the day
 * (here: seconds) before, a redelivered event and a sender run twice leave one message, and an erased
 * family's message is never sent.
 */
@ReferralServiceIT
@TestPropertySource(properties = {"perhekeskus.notifications.reminder-lead=PT8S",
        "perhekeskus.notifications.send-interval=200ms", "db-scheduler.polling-interval=500ms"})
class NotificationIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    NotificationSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FamilyLinkTokens familyLinks;

    private static int imap() {
        return LocalInfrastructure.shared().mail().imapPort();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fi";
    }

    @Test
    void aNewReferralReachesTheReceivingAgencyAsALinkOnly() {
        Api api = new Api(http);
        String office = address("perheneuvola");
        UUID clinic = api.agency("Hervannan neuvola", "Tampere");
        UUID counselling = api.agency("Tampereen perheneuvola", "Tampere", office);
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID family = api.family(clinic, "Aino", "Korhonen", "150592-908R", "1992-05-15");
        api.consent(family, clinic, List.of(counselling), LocalDate.now().plusYears(1).toString());

        UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "Äiti väsynyt", "needLevel", "YELLOW", "priority", "ROUTINE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.count(imap(), office) == 1);
        Mailbox.Mail mail = Mailbox.read(imap(), office).get(0);
        assertThat(mail.subject()).isEqualTo("Uusi lähete");
        assertThat(mail.body()).contains("/api/v1/referrals/" + referral)
                .doesNotContain("Aino", "Korhonen", "150592-908R", "Äiti väsynyt");
        // The Message-ID is the outbox's id, listed for coordinators without the address.
        List<Map<String, Object>> sent = api.list("/api/v1/admin/notifications?status=SENT&limit=500", Api.coordinator());
        assertThat(sent).anySatisfy(n -> {
            assertThat(mail.messageId()).isEqualTo("<" + n.get("messageId") + "@localhost>");
            assertThat(n).containsEntry("kind", "INCOMING_REFERRAL").containsEntry("recipientKind", "AGENCY")
                    .containsEntry("attempts", 1);
        });
        assertThat(sent.toString()).doesNotContain(office);
    }

    @Test
    void aPartnerLinkReachesTheReceivingAgencyAndIsForgottenOnceSent() {
        Api api = new Api(http);
        String office = address("seurakunta");
        UUID clinic = api.agency("Hervannan neuvola", "Tampere");
        UUID parish = api.agency("Tampereen seurakuntayhtymä", "Tampere", office);
        UUID service = api.service(parish, "Perhekerho", "INDIVIDUAL");
        UUID family = api.family(clinic, "Aino", "Korhonen", "150592-908R", "1992-05-15");
        api.consent(family, clinic, List.of(parish), LocalDate.now().plusYears(1).toString());
        UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "Äiti väsynyt", "needLevel", "GREEN", "priority", "ROUTINE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.count(imap(), office) == 1);

        var issued = api.call(HttpMethod.POST, "/api/v1/referrals/" + referral + "/partner-link", worker(clinic),
                Map.of("validDays", 3));
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        String link = (String) issued.getBody().get("url");

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.count(imap(), office) == 2);
        Mailbox.Mail mail = Mailbox.read(imap(), office).stream()
                .filter(m -> m.subject().equals("Lähete avattavaksi linkillä")).findFirst().orElseThrow();
        assertThat(mail.body()).contains(link).doesNotContain("Aino", "Korhonen", "150592-908R", "Äiti väsynyt");
        // Sent, the outbox keeps no copy of the credential.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT parameters FROM notification_outbox WHERE kind = 'PARTNER_LINK' AND recipient_id = ?",
                String.class, parish).equals("{}"));
        assertThat(jdbc.queryForList("SELECT parameters FROM notification_outbox", String.class))
                .noneMatch(p -> p.contains(link.substring(link.lastIndexOf('/') + 1)));
    }

    @Test
    void anInvitedFamilyIsToldInItsLanguage() {
        Api api = new Api(http);
        UUID clinic = api.agency("Hervannan neuvola", "Tampere");
        UUID family = api.family(clinic, "Linnea", "Lindqvist", "150592-908R", "1992-05-15");
        String home = address("kutsu");
        api.ok(HttpMethod.PATCH, "/api/v1/families/" + family, worker(clinic), Map.of("contact", Map.of("email", home)));
        UUID programme = UUID.randomUUID();
        Instant now = Instant.now();
        Instant firstSession = now.plus(30, ChronoUnit.DAYS);

        UUID invitation = UUID.randomUUID();

        try (MeetingTopic meetings = new MeetingTopic(objectMapper)) {
            meetings.publish(programme, scheduled(programme, "Meidän vauva", firstSession), now);
            meetings.publish(programme, new FamilyInvited(programme, invitation, family, true, firstSession,
                    "w-1", now), now);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.count(imap(), home) == 1);
        Mailbox.Mail mail = Mailbox.read(imap(), home).get(0);
        assertThat(mail.subject()).isEqualTo("Kutsu ryhmään: Meidän vauva");
        // The family's own answer link, signed for this invitation, opened in the family's language.
        String token = familyLinks.invitation(programme, invitation, firstSession.truncatedTo(ChronoUnit.SECONDS));
        assertThat(mail.body()).contains("Kutsu on voimassa",
                        "http://127.0.0.1:8082/invitation/" + token + "?lang=fi")
                .doesNotContain("Linnea", "Lindqvist", family.toString());
        assertThat(familyLinks.readInvitation(token)).hasValueSatisfying(l -> assertThat(l.invitationId()).isEqualTo(invitation));
        // Sent, the outbox keeps no copy of the link.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT parameters FROM notification_outbox WHERE kind = 'FAMILY_INVITED' AND recipient_id = ?",
                String.class, family).equals("{}"));
    }

    @Test
    void eachFamilyThatCameGetsItsOwnFeedbackLinkOnceAfterTheSession() {
        Api api = new Api(http);
        UUID clinic = api.agency("Hervannan neuvola", "Tampere");
        UUID came = api.family(clinic, "Linnea", "Lindqvist", "150592-908R", "1992-05-15");
        UUID cameToo = api.family(clinic, "Aino", "Korhonen", "150592-908R", "1992-05-15");
        String home = address("palaute");
        String otherHome = address("palaute");
        api.ok(HttpMethod.PATCH, "/api/v1/families/" + came, worker(clinic), Map.of("contact", Map.of("email", home)));
        api.ok(HttpMethod.PATCH, "/api/v1/families/" + cameToo, worker(clinic), Map.of("contact", Map.of("email", otherHome)));
        UUID programme = UUID.randomUUID();
        Instant now = Instant.now();
        ProgrammeScheduled scheduled = scheduled(programme, "Meidän vauva", now.minus(3, ChronoUnit.HOURS));
        UUID session = scheduled.sessions().get(0).sessionId();
        GroupSessionHeld held = new GroupSessionHeld(programme, session, List.of(
                new GroupSessionHeld.Attendance(came, 2, 1, 1), new GroupSessionHeld.Attendance(cameToo, 1, 0, 1)),
                "w-1", now);

        try (MeetingTopic meetings = new MeetingTopic(objectMapper)) {
            meetings.publish(programme, scheduled, now);
            meetings.publish(programme, held, now);
            // The same session recorded again (another event): still one link per family.
            meetings.publish(programme, held, now);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.count(imap(), home) == 1
                && Mailbox.count(imap(), otherHome) == 1);
        Mailbox.Mail mail = Mailbox.read(imap(), home).get(0);
        Mailbox.Mail other = Mailbox.read(imap(), otherHome).get(0);
        assertThat(mail.subject()).isEqualTo("Palautetta ryhmästä Meidän vauva");
        String link = "http://127.0.0.1:8082/feedback/" + familyLinks.feedback(programme, session, came) + "?lang=fi";
        assertThat(mail.body()).contains(link).doesNotContain("Linnea", "Lindqvist", came.toString());
        // Each family's link is its own: one family's use does not spend the other's.
        assertThat(other.body()).contains("/feedback/" + familyLinks.feedback(programme, session, cameToo))
                .doesNotContain(link);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "SELECT parameters FROM notification_outbox WHERE kind = 'FEEDBACK_LINK' AND recipient_id IN (?, ?)",
                String.class, came, cameToo).equals(List.of("{}", "{}")));
        assertThat(Mailbox.count(imap(), home)).isEqualTo(1);
    }

    @Test
    void onlyACoordinatorListsNotifications() {
        Api api = new Api(http);
        assertThat(api.list("/api/v1/admin/notifications?status=FAILED", Api.coordinator())).isNotNull();
        assertThat(api.call(HttpMethod.GET, "/api/v1/admin/notifications?status=FAILED",
                worker(api.agency("Nokian neuvola", "Nokia")), null).getStatusCode().value()).isEqualTo(403);
        assertThat(api.call(HttpMethod.GET, "/api/v1/admin/notifications?status=FAILED", null, null)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(api.call(HttpMethod.GET, "/api/v1/admin/notifications?status=LOST", Api.coordinator(), null)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void notificationsArePagedWithinTheContractsBounds() throws Exception {
        Api api = new Api(http);
        // Two notifications at least: each new referral tells the receiving agency.
        UUID clinic = api.agency("Ylöjärven neuvola", "Ylöjärvi", "neuvola@ylojarvi.example");
        UUID counselling = api.agency("Ylöjärven perheneuvola", "Ylöjärvi", "perheneuvola@ylojarvi.example");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        UUID family = api.family(clinic, "Ilona", "Ylinen", "131052-308T", "1952-10-13");
        api.consent(family, clinic, List.of(counselling), java.time.LocalDate.now().plusYears(1).toString());
        for (int i = 0; i < 2; i++) {
            api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                    "serviceId", service, "reason", "tuen tarve", "needLevel", "YELLOW", "priority", "ROUTINE"));
        }
        String all = "/api/v1/admin/notifications";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.list(all + "?limit=2", Api.coordinator()).size() == 2);

        // Asked again until no notification arrives between the two reads.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> firstTwo = api.list(all + "?limit=2", Api.coordinator());
            assertThat(api.list(all + "?limit=1&offset=1", Api.coordinator()))
                    .extracting(n -> n.get("messageId")).containsExactly(firstTwo.get(1).get("messageId"));
        });
        assertThat(api.list(all + "?limit=500", Api.coordinator())).hasSizeLessThanOrEqualTo(500);
        for (String outside : List.of("limit=0", "limit=501", "offset=-1", "offset=100001")) {
            assertThat(api.call(HttpMethod.GET, all + "?" + outside, Api.coordinator(), null).getStatusCode().value())
                    .as(outside).isEqualTo(400);
        }
    }

    @Test
    void aRedeliveredEnrolmentAndASenderRunTwiceLeaveOneMessageInTheFamilysLanguage() throws Exception {
        Api api = new Api(http);
        UUID clinic = api.agency("Vaasan neuvola", "Vaasa");
        UUID family = api.family(clinic, "Linnea", "Lindqvist", "150592-908R", "1992-05-15");
        String home = address("familjen");
        api.ok(HttpMethod.PATCH, "/api/v1/families/" + family, worker(clinic), Map.of("languages", List.of("sv", "fi"),
                "contact", Map.of("email", home)));
        UUID programme = UUID.randomUUID();
        Instant now = Instant.now();
        FamilyEnrolled enrolled = new FamilyEnrolled(programme, family, EnrolmentSource.SELF, null, false, "w-1", now);
        String eventId = UUID.randomUUID().toString();

        try (MeetingTopic meetings = new MeetingTopic(objectMapper)) {
            meetings.publish(programme, scheduled(programme, "Vår bebis", now.plus(30, ChronoUnit.DAYS)), now);
            meetings.publish(programme, enrolled, now, eventId);
            meetings.publish(programme, enrolled, now, eventId);
        }
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(sender::sendDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(sender::sendDue);
        CompletableFuture.allOf(one, two).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.count(imap(), home) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.count(imap(), home) == 1);
        Mailbox.Mail mail = Mailbox.read(imap(), home).get(0);
        assertThat(mail.subject()).isEqualTo("Plats i gruppen: Vår bebis");
        assertThat(mail.body()).doesNotContain("Linnea", "Lindqvist");
    }

    @Test
    void aFamilyIsRemindedOfItsSessionTheLeadTimeBefore() {
        Api api = new Api(http);
        UUID clinic = api.agency("Oriveden neuvola", "Orivesi");
        UUID family = api.family(clinic, "Eino", "Mäkelä", "150592-908R", "1992-05-15");
        String home = address("perhe");
        api.ok(HttpMethod.PATCH, "/api/v1/families/" + family, worker(clinic), Map.of("contact", Map.of("email", home)));
        UUID programme = UUID.randomUUID();
        Instant now = Instant.now();
        Instant startsAt = now.plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);

        try (MeetingTopic meetings = new MeetingTopic(objectMapper)) {
            meetings.publish(programme, scheduled(programme, "Meidän vauva", startsAt), now);
            meetings.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.SELF, null, false, "w-1",
                    now), now);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.count(imap(), home) == 2);
        List<Mailbox.Mail> mails = Mailbox.read(imap(), home);
        assertThat(mails).extracting(Mailbox.Mail::subject)
                .containsExactlyInAnyOrder("Paikka ryhmässä: Meidän vauva", "Muistutus: Meidän vauva "
                        + java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm")
                        .format(startsAt.atZone(java.time.ZoneId.of("Europe/Helsinki"))));
        assertThat(Instant.now()).as("the reminder came before the session").isBefore(startsAt);
    }

    @Test
    void anErasedFamilysMessageIsNeverSent() {
        Api api = new Api(http);
        UUID clinic = api.agency("Ylöjärven neuvola", "Ylöjärvi");
        UUID family = api.family(clinic, "Kerttu", "Salo", "150592-908R", "1992-05-15");
        String home = address("erased");
        api.ok(HttpMethod.PATCH, "/api/v1/families/" + family, worker(clinic), Map.of("contact", Map.of("email", home)));
        api.call(HttpMethod.DELETE, "/api/v1/families/" + family, Api.coordinator(), null);
        UUID programme = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now();

        try (MeetingTopic meetings = new MeetingTopic(objectMapper)) {
            meetings.publish(programme, scheduled(programme, "Meidän vauva", now.plus(10, ChronoUnit.DAYS)), now);
            meetings.publish(programme, new FamilyEnrolled(programme, family, EnrolmentSource.SELF, null, false, "w-1",
                    now), now, eventId);
        }

        String messageId = MessageIds.of(eventId, RecipientKind.FAMILY).toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.list("/api/v1/admin/notifications?status=DISCARDED&limit=500", Api.coordinator()))
                .anySatisfy(n -> assertThat(n).containsEntry("messageId", messageId)
                        .containsEntry("kind", "FAMILY_ENROLLED").containsEntry("lastError", "the family was erased")));
        assertThat(Mailbox.read(imap(), home)).isEmpty();
    }

    private static ProgrammeScheduled scheduled(UUID programme, String name, Instant startsAt) {
        return new ProgrammeScheduled(programme, name, UUID.randomUUID(), List.of(UUID.randomUUID()), "Perhekeskus",
                10, 8, 0, 12, List.of(new ProgrammeScheduled.Session(UUID.randomUUID(), startsAt,
                startsAt.plus(2, ChronoUnit.HOURS), "Tervetuloa", List.of())), "c-1", Instant.now());
    }
}
