package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.infra.web.HtmlPages;
import fi.perhekeskus.meeting.familylink.FamilyPages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of a family's invitation link: what the programme is, where and when it begins, and two
 * buttons, yes and no; then a page that says what the answer did. No script; every value is escaped.
 */
final class InvitationPage {

    /** The page's languages (fi, sv, en) and its texts in each. */
    enum Language {
        FI(Map.ofEntries(
                Map.entry("title", "Kutsu perheryhmään"),
                Map.entry("intro", "Perheenne on kutsuttu ryhmään. Kertokaa, tuletteko mukaan."),
                Map.entry("programme", "Ryhmä"), Map.entry("location", "Paikka"),
                Map.entry("firstSession", "Ensimmäinen tapaaminen"), Map.entry("expiresAt", "Vastatkaa viimeistään"),
                Map.entry("YES", "Kyllä, tulemme mukaan"), Map.entry("NO", "Ei, emme tule"),
                Map.entry("ENROLLED", "Tervetuloa ryhmään!"),
                Map.entry("ENROLLEDText", "Perheenne on ilmoittautunut. Saatte muistutuksen päivää ennen jokaista tapaamista."),
                Map.entry("WAITLISTED", "Olette jonossa"),
                Map.entry("WAITLISTEDText", "Ryhmä on täynnä. Saatte viestin, kun paikka vapautuu."),
                Map.entry("DECLINED", "Kiitos vastauksestanne"),
                Map.entry("DECLINEDText", "Vastauksenne on tallennettu. Voitte sulkea sivun."),
                Map.entry("closedTitle", "Kutsuun on jo vastattu tai se on päättynyt"),
                Map.entry("closedText", "Jos haluatte muuttaa vastaustanne, ottakaa yhteyttä perheenne työntekijään."),
                Map.entry("unknownTitle", "Kutsua ei löytynyt"),
                Map.entry("unknownText", "Tarkistakaa osoite viestistä, jossa kutsu tuli."))),
        SV(Map.ofEntries(
                Map.entry("title", "Inbjudan till en familjegrupp"),
                Map.entry("intro", "Er familj är inbjuden till gruppen. Berätta om ni kommer med."),
                Map.entry("programme", "Grupp"), Map.entry("location", "Plats"),
                Map.entry("firstSession", "Första träffen"), Map.entry("expiresAt", "Svara senast"),
                Map.entry("YES", "Ja, vi kommer med"), Map.entry("NO", "Nej, vi kommer inte"),
                Map.entry("ENROLLED", "Välkommen till gruppen!"),
                Map.entry("ENROLLEDText", "Er familj är anmäld. Ni får en påminnelse dagen före varje träff."),
                Map.entry("WAITLISTED", "Ni står i kö"),
                Map.entry("WAITLISTEDText", "Gruppen är full. Ni får ett meddelande när en plats blir ledig."),
                Map.entry("DECLINED", "Tack för ert svar"),
                Map.entry("DECLINEDText", "Ert svar har sparats. Ni kan stänga sidan."),
                Map.entry("closedTitle", "Inbjudan har redan besvarats eller gått ut"),
                Map.entry("closedText", "Om ni vill ändra ert svar, kontakta er familjs kontaktperson."),
                Map.entry("unknownTitle", "Inbjudan hittades inte"),
                Map.entry("unknownText", "Kontrollera adressen i meddelandet som inbjudan kom i."))),
        EN(Map.ofEntries(
                Map.entry("title", "Invitation to a family group"),
                Map.entry("intro", "Your family is invited to the group. Please tell us whether you will join."),
                Map.entry("programme", "Group"), Map.entry("location", "Place"),
                Map.entry("firstSession", "First meeting"), Map.entry("expiresAt", "Please answer by"),
                Map.entry("YES", "Yes, we will join"), Map.entry("NO", "No, we will not"),
                Map.entry("ENROLLED", "Welcome to the group!"),
                Map.entry("ENROLLEDText", "Your family is enrolled. You will get a reminder the day before each meeting."),
                Map.entry("WAITLISTED", "You are on the waiting list"),
                Map.entry("WAITLISTEDText", "The group is full. You will get a message when a place is free."),
                Map.entry("DECLINED", "Thank you for your answer"),
                Map.entry("DECLINEDText", "Your answer has been saved. You may close this page."),
                Map.entry("closedTitle", "The invitation was answered already or has ended"),
                Map.entry("closedText", "To change your answer, please contact your family worker."),
                Map.entry("unknownTitle", "Invitation not found"),
                Map.entry("unknownText", "Please check the address in the message the invitation came in.")));

        private final Map<String, String> texts;

        Language(Map<String, String> texts) {
            this.texts = texts;
        }

        /** {@code ?lang=} when given (fi, sv or en, else 400 naming lang), else the browser's first known, else Finnish. */
        static Language choose(String lang, List<Locale> accepted) {
            return valueOf(HtmlPages.language(lang, accepted).toUpperCase(Locale.ROOT));
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        String text(String key) {
            return texts.getOrDefault(key, key);
        }
    }

    /** What the page says of the programme; the place and the first session may be unknown yet. */
    record Programme(String name, String location, Instant firstSession, Instant expiresAt) {
    }

    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    private InvitationPage() {
    }

    static String form(String token, Language lang, Programme programme) {
        StringBuilder html = FamilyPages.head(lang.tag(), lang.text("title"));
        html.append("<main id=\"invitation\" data-state=\"open\">\n<h1>").append(escape(lang.text("title")))
                .append("</h1>\n<p>").append(escape(lang.text("intro"))).append("</p>\n<dl>\n");
        item(html, lang.text("programme"), programme.name());
        item(html, lang.text("location"), programme.location());
        item(html, lang.text("firstSession"), when(programme.firstSession()));
        // An invitation ends when the first meeting begins: said once, unless a move has parted them.
        if (programme.firstSession() == null
                || programme.expiresAt().getEpochSecond() != programme.firstSession().getEpochSecond()) {
            item(html, lang.text("expiresAt"), when(programme.expiresAt()));
        }
        html.append("</dl>\n<form id=\"invitation-form\" method=\"post\" action=\"/invitation/").append(escape(token))
                .append("?lang=").append(lang.tag()).append("\" accept-charset=\"UTF-8\">\n")
                .append("<button type=\"submit\" name=\"answer\" value=\"YES\" id=\"answer-YES\">")
                .append(escape(lang.text("YES"))).append("</button>\n")
                .append("<button type=\"submit\" name=\"answer\" value=\"NO\" id=\"answer-NO\" class=\"secondary\">")
                .append(escape(lang.text("NO"))).append("</button>\n</form>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page with a heading and a sentence: what the answer did, answered already, or unknown. */
    static String message(Language lang, String state, String titleKey, String textKey) {
        return FamilyPages.head(lang.tag(), lang.text(titleKey)).append("<main id=\"invitation\" data-state=\"")
                .append(escape(state)).append("\">\n<h1>").append(escape(lang.text(titleKey))).append("</h1>\n<p>")
                .append(escape(lang.text(textKey))).append("</p>\n</main>\n</body>\n</html>\n").toString();
    }

    private static void item(StringBuilder html, String term, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
        }
    }

    private static String when(Instant at) {
        return at == null ? null : WHEN.format(at.atZone(ZONE));
    }

    private static String escape(String text) {
        return HtmlPages.escape(text);
    }
}
