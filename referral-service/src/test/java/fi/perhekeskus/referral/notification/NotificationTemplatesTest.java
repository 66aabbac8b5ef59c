package fi.perhekeskus.referral.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTemplatesTest {

    private final NotificationTemplates templates = new NotificationTemplates(ZoneId.of("Europe/Helsinki"));

    @Test
    void everyKindHasItsTextsInEveryLanguage() {
        Map<String, String> parameters = Map.of("link", "http://x/api/v1/referrals/1", "referralId", "1",
                "programme", "Meidän vauva", "location", "Hervanta", "position", "2", "startsAt", "2026-03-02T15:00:00Z",
                "expiresAt", "2026-03-09T15:00:00Z");
        for (NotificationKind kind : NotificationKind.values()) {
            for (String language : NotificationTemplates.LANGUAGES) {
                NotificationTemplates.Rendered text = templates.render(kind, language, parameters);
                assertThat(text.subject()).as("%s %s", kind, language).isNotBlank().doesNotContain("{");
                assertThat(text.body()).as("%s %s", kind, language).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void anAgencysMessageCarriesTheLink() {
        NotificationTemplates.Rendered text = templates.render(NotificationKind.INCOMING_REFERRAL, "fi",
                Map.of("link", "https://perhekeskus.example/api/v1/referrals/42", "referralId", "42"));
        assertThat(text.subject()).isEqualTo("Uusi lähete");
        assertThat(text.body()).contains("https://perhekeskus.example/api/v1/referrals/42");
    }

    @Test
    void aReminderWritesTheTimeInTheLanguageAndZone() {
        Map<String, String> p = Map.of("programme", "Meidän vauva", "location", "Hervanta", "startsAt",
                "2026-03-02T15:00:00Z");
        assertThat(templates.render(NotificationKind.SESSION_REMINDER, "fi", p).subject())
                .isEqualTo("Muistutus: Meidän vauva 2.3.2026 klo 17.00");
        assertThat(templates.render(NotificationKind.SESSION_REMINDER, "sv", p).subject())
                .isEqualTo("Påminnelse: Meidän vauva 2.3.2026 kl. 17.00");
        assertThat(templates.render(NotificationKind.SESSION_REMINDER, "en", p).subject())
                .isEqualTo("Reminder: Meidän vauva 2 March 2026 at 17:00");
    }

    @Test
    void theFamilysFirstLanguageWithTextsIsChosenElseFinnish() {
        assertThat(NotificationTemplates.languageFor(List.of("so", "SV", "fi"))).isEqualTo("sv");
        assertThat(NotificationTemplates.languageFor(List.of("en"))).isEqualTo("en");
        assertThat(NotificationTemplates.languageFor(List.of("ar", "so"))).isEqualTo("fi");
        assertThat(NotificationTemplates.languageFor(null)).isEqualTo("fi");
        assertThat(NotificationTemplates.languageFor(Arrays.asList((String) null))).isEqualTo("fi");
    }

    @Test
    void aMessageIdFollowsFromItsCauseAndRecipientKindAlone() {
        String cause = UUID.randomUUID().toString();
        assertThat(MessageIds.of(cause, RecipientKind.FAMILY)).isEqualTo(MessageIds.of(cause, RecipientKind.FAMILY))
                .isNotEqualTo(MessageIds.of(cause, RecipientKind.AGENCY))
                .isNotEqualTo(MessageIds.of(UUID.randomUUID().toString(), RecipientKind.FAMILY));
        assertThat(MessageIds.of("e-1", RecipientKind.AGENCY))
                .as("stable across versions and machines").isEqualTo(UUID.nameUUIDFromBytes(
                        "notification/AGENCY/e-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(MessageIds.header(MessageIds.of("e-1", RecipientKind.AGENCY), "perhekeskus.fi"))
                .matches("<[0-9a-f-]{36}@perhekeskus\\.fi>");
    }

    @Test
    void retriesBackOffExponentiallyUpToTheLongestWait() {
        NotificationSettings settings = new NotificationSettings(null, null, null, null, null, null, null, null,
                Duration.ofSeconds(30), Duration.ofMinutes(5), null, null, null);
        assertThat(List.of(1, 2, 3, 4, 5, 10).stream().map(settings::backOff).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void anErrorIsRecordedWithoutAddresses() {
        String error = NotificationSender.describe(new IllegalStateException("Invalid Addresses",
                new RuntimeException("550 5.1.1 <aino.korhonen@example.fi>: Recipient address rejected")));
        assertThat(error).contains("Invalid Addresses", "550 5.1.1", "[address]").doesNotContain("aino", "example.fi");
    }
}
