package fi.perhekeskus.referral.accessreport;

import fi.perhekeskus.infra.web.InvalidFieldException;

import java.util.Locale;
import java.util.Map;

/** The languages of the right-of-access report (fi, sv, en) and its texts in each. */
public enum ReportLanguage {

    FI(Map.ofEntries(
            Map.entry("title", "Tietojen käyttö ja luovutukset"),
            Map.entry("intro", "Perheen tietojen käyttö- ja luovutusloki (asiakastietolaki 703/2023): kuka käsitteli "
                    + "perheen tietoja tai kenelle niitä luovutettiin, milloin, mitä ja millä perusteella."),
            Map.entry("family", "Perhe"), Map.entry("produced", "Laadittu"), Map.entry("erased", "Perheen henkilötiedot on poistettu; "
                    + "loki säilyy, koska siinä ei ole henkilötietoja."),
            Map.entry("none", "Ei merkintöjä."),
            Map.entry("at", "Aika"), Map.entry("kind", "Tapahtuma"), Map.entry("agency", "Toimija"),
            Map.entry("worker", "Työntekijä"), Map.entry("what", "Mitä"), Map.entry("basis", "Peruste"),
            Map.entry("outcome", "Tulos"), Map.entry("toAgency", "Luovutettu toimijalle"),
            Map.entry("referral", "Lähete"),
            Map.entry("USAGE", "Käyttö"), Map.entry("DISCLOSURE", "Luovutus"), Map.entry("ERASURE", "Poisto"),
            Map.entry("ALLOWED", "Sallittu"), Map.entry("REFUSED", "Estetty"))),
    SV(Map.ofEntries(
            Map.entry("title", "Användning och utlämnande av uppgifter"),
            Map.entry("intro", "Loggen över användning och utlämnande av familjens uppgifter (lagen om klientuppgifter "
                    + "703/2023): vem som behandlade familjens uppgifter eller fick dem, när, vad och på vilken grund."),
            Map.entry("family", "Familj"), Map.entry("produced", "Upprättad"), Map.entry("erased", "Familjens personuppgifter "
                    + "har raderats; loggen finns kvar eftersom den inte innehåller personuppgifter."),
            Map.entry("none", "Inga anteckningar."),
            Map.entry("at", "Tid"), Map.entry("kind", "Händelse"), Map.entry("agency", "Aktör"),
            Map.entry("worker", "Anställd"), Map.entry("what", "Vad"), Map.entry("basis", "Grund"),
            Map.entry("outcome", "Resultat"), Map.entry("toAgency", "Utlämnat till aktör"),
            Map.entry("referral", "Remiss"),
            Map.entry("USAGE", "Användning"), Map.entry("DISCLOSURE", "Utlämnande"), Map.entry("ERASURE", "Radering"),
            Map.entry("ALLOWED", "Tillåten"), Map.entry("REFUSED", "Nekad"))),
    EN(Map.ofEntries(
            Map.entry("title", "Use and disclosure of data"),
            Map.entry("intro", "The family's usage and disclosure log (Client Data Act 703/2023): who used the family's "
                    + "data or received it, when, what, and on what basis."),
            Map.entry("family", "Family"), Map.entry("produced", "Produced"), Map.entry("erased", "The family's personal "
                    + "data was erased; the log remains, as it holds no personal data."),
            Map.entry("none", "No entries."),
            Map.entry("at", "Time"), Map.entry("kind", "Event"), Map.entry("agency", "Agency"),
            Map.entry("worker", "Worker"), Map.entry("what", "What"), Map.entry("basis", "Basis"),
            Map.entry("outcome", "Outcome"), Map.entry("toAgency", "Disclosed to agency"),
            Map.entry("referral", "Referral"),
            Map.entry("USAGE", "Use"), Map.entry("DISCLOSURE", "Disclosure"), Map.entry("ERASURE", "Erasure"),
            Map.entry("ALLOWED", "Allowed"), Map.entry("REFUSED", "Refused")));

    private final Map<String, String> texts;

    ReportLanguage(Map<String, String> texts) {
        this.texts = texts;
    }

    /** {@code fi}, {@code sv} or {@code en}; anything else is a 400 naming {@code lang}. */
    public static ReportLanguage of(String lang) {
        if (lang == null) {
            return FI;
        }
        return switch (lang) {
            case "fi" -> FI;
            case "sv" -> SV;
            case "en" -> EN;
            default -> throw new InvalidFieldException("lang", "must be one of fi, sv, en");
        };
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return text;
    }
}
