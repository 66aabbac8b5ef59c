package fi.perhekeskus.referral.accessreport;

import fi.perhekeskus.referral.privacy.AccessLog;
import fi.perhekeskus.infra.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessReportPageTest {

    static final UUID FAMILY = UUID.fromString("00000000-0000-0000-0000-0000000000fa");
    static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    static final AccessReport REPORT = new AccessReport(FAMILY, false, Instant.parse("2026-03-02T10:00:00Z"), List.of(
            new AccessReport.Row(Instant.parse("2026-03-02T09:00:00Z"), AccessLog.Kind.USAGE,
                    "Hervannan neuvola (6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11)", "-worker", "<b>family record</b>",
                    "registering agency", AccessLog.Outcome.ALLOWED, null, null),
            new AccessReport.Row(Instant.parse("2026-03-02T08:00:00Z"), AccessLog.Kind.DISCLOSURE,
                    "Hervannan neuvola (6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11)", "nurse-1", "referral",
                    "consent 00000000-0000-0000-0000-00000000c001", AccessLog.Outcome.ALLOWED,
                    "Perheneuvola (00000000-0000-0000-0000-0000000000a2)", REFERRAL)));

    @Test
    void thePageEscapesEveryValueAndItsStyleIsTheOneThePolicyAllows() throws Exception {
        String html = AccessReportPage.html(REPORT, ReportLanguage.SV);

        assertThat(html).contains("<html lang=\"sv\">", "&lt;b&gt;family record&lt;/b&gt;", "Utlämnande", "Användning",
                "2026-03-02T11:00:00+02:00").doesNotContain("<b>", "<script");
        Matcher style = Pattern.compile("<style>(.*?)</style>").matcher(html);
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(AccessReportPage.CONTENT_SECURITY_POLICY).contains("style-src 'sha256-" + hash + "'")
                .startsWith("default-src 'none'");
    }

    @Test
    void theCsvHasTheLanguagesHeadersAndNoFormulas() {
        String csv = AccessReportPage.csv(REPORT, ReportLanguage.FI);

        assertThat(csv.split("\r\n")).containsExactly(
                "Aika,Tapahtuma,Toimija,Työntekijä,Mitä,Peruste,Tulos,Luovutettu toimijalle,Lähete",
                "2026-03-02T11:00:00+02:00,Käyttö,Hervannan neuvola (6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11),'-worker,"
                        + "<b>family record</b>,registering agency,Sallittu,,",
                "2026-03-02T10:00:00+02:00,Luovutus,Hervannan neuvola (6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11),nurse-1,"
                        + "referral,consent 00000000-0000-0000-0000-00000000c001,Sallittu,"
                        + "Perheneuvola (00000000-0000-0000-0000-0000000000a2)," + REFERRAL);
    }

    @Test
    void onlyFinnishSwedishAndEnglish() {
        assertThat(ReportLanguage.of(null)).isEqualTo(ReportLanguage.FI);
        assertThat(ReportLanguage.of("en")).isEqualTo(ReportLanguage.EN);
        assertThatThrownBy(() -> ReportLanguage.of("EN")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> ReportLanguage.of("de")).isInstanceOf(InvalidFieldException.class);
    }
}
