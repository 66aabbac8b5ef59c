package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.infra.web.HtmlPages;
import fi.perhekeskus.infra.web.PageTexts;
import fi.perhekeskus.meeting.familylink.FamilyPages;
import fi.perhekeskus.meeting.programme.AnswerOutcome;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The page of a family's invitation link: what the programme is, where and when it begins, and two
 * buttons, yes and no; then a page that says what the answer did. No script; every value is escaped.
 */
final class InvitationPage {

    /** The page's texts, by key. */
    enum Text {
        TITLE, INTRO, PROGRAMME, LOCATION, FIRST_SESSION, EXPIRES_AT, YES, NO, ENROLLED, ENROLLED_TEXT, WAITLISTED, WAITLISTED_TEXT, DECLINED, DECLINED_TEXT, CLOSED_TITLE, CLOSED_TEXT, UNKNOWN_TITLE, UNKNOWN_TEXT
    }

    /** The page's texts in fi, sv and en. */
    static final PageTexts<Text> TEXTS = new PageTexts<>(Text.class,
            Map.ofEntries(Map.entry(Text.TITLE, "Kutsu perheryhmään"),
                Map.entry(Text.INTRO, "Perheenne on kutsuttu ryhmään. Kertokaa, tuletteko mukaan."),
                Map.entry(Text.PROGRAMME, "Ryhmä"), Map.entry(Text.LOCATION, "Paikka"),
                Map.entry(Text.FIRST_SESSION, "Ensimmäinen tapaaminen"), Map.entry(Text.EXPIRES_AT, "Vastatkaa viimeistään"),
                Map.entry(Text.YES, "Kyllä, tulemme mukaan"), Map.entry(Text.NO, "Ei, emme tule"),
                Map.entry(Text.ENROLLED, "Tervetuloa ryhmään!"),
                Map.entry(Text.ENROLLED_TEXT, "Perheenne on ilmoittautunut. Saatte muistutuksen päivää ennen jokaista tapaamista."),
                Map.entry(Text.WAITLISTED, "Olette jonossa"),
                Map.entry(Text.WAITLISTED_TEXT, "Ryhmä on täynnä. Saatte viestin, kun paikka vapautuu."),
                Map.entry(Text.DECLINED, "Kiitos vastauksestanne"),
                Map.entry(Text.DECLINED_TEXT, "Vastauksenne on tallennettu. Voitte sulkea sivun."),
                Map.entry(Text.CLOSED_TITLE, "Kutsuun on jo vastattu tai se on päättynyt"),
                Map.entry(Text.CLOSED_TEXT, "Jos haluatte muuttaa vastaustanne, ottakaa yhteyttä perheenne työntekijään."),
                Map.entry(Text.UNKNOWN_TITLE, "Kutsua ei löytynyt"),
                Map.entry(Text.UNKNOWN_TEXT, "Tarkistakaa osoite viestistä, jossa kutsu tuli.")),
            Map.ofEntries(Map.entry(Text.TITLE, "Inbjudan till en familjegrupp"),
                Map.entry(Text.INTRO, "Er familj är inbjuden till gruppen. Berätta om ni kommer med."),
                Map.entry(Text.PROGRAMME, "Grupp"), Map.entry(Text.LOCATION, "Plats"),
                Map.entry(Text.FIRST_SESSION, "Första träffen"), Map.entry(Text.EXPIRES_AT, "Svara senast"),
                Map.entry(Text.YES, "Ja, vi kommer med"), Map.entry(Text.NO, "Nej, vi kommer inte"),
                Map.entry(Text.ENROLLED, "Välkommen till gruppen!"),
                Map.entry(Text.ENROLLED_TEXT, "Er familj är anmäld. Ni får en påminnelse dagen före varje träff."),
                Map.entry(Text.WAITLISTED, "Ni står i kö"),
                Map.entry(Text.WAITLISTED_TEXT, "Gruppen är full. Ni får ett meddelande när en plats blir ledig."),
                Map.entry(Text.DECLINED, "Tack för ert svar"),
                Map.entry(Text.DECLINED_TEXT, "Ert svar har sparats. Ni kan stänga sidan."),
                Map.entry(Text.CLOSED_TITLE, "Inbjudan har redan besvarats eller gått ut"),
                Map.entry(Text.CLOSED_TEXT, "Om ni vill ändra ert svar, kontakta er familjs kontaktperson."),
                Map.entry(Text.UNKNOWN_TITLE, "Inbjudan hittades inte"),
                Map.entry(Text.UNKNOWN_TEXT, "Kontrollera adressen i meddelandet som inbjudan kom i.")),
            Map.ofEntries(Map.entry(Text.TITLE, "Invitation to a family group"),
                Map.entry(Text.INTRO, "Your family is invited to the group. Please tell us whether you will join."),
                Map.entry(Text.PROGRAMME, "Group"), Map.entry(Text.LOCATION, "Place"),
                Map.entry(Text.FIRST_SESSION, "First meeting"), Map.entry(Text.EXPIRES_AT, "Please answer by"),
                Map.entry(Text.YES, "Yes, we will join"), Map.entry(Text.NO, "No, we will not"),
                Map.entry(Text.ENROLLED, "Welcome to the group!"),
                Map.entry(Text.ENROLLED_TEXT, "Your family is enrolled. You will get a reminder the day before each meeting."),
                Map.entry(Text.WAITLISTED, "You are on the waiting list"),
                Map.entry(Text.WAITLISTED_TEXT, "The group is full. You will get a message when a place is free."),
                Map.entry(Text.DECLINED, "Thank you for your answer"),
                Map.entry(Text.DECLINED_TEXT, "Your answer has been saved. You may close this page."),
                Map.entry(Text.CLOSED_TITLE, "The invitation was answered already or has ended"),
                Map.entry(Text.CLOSED_TEXT, "To change your answer, please contact your family worker."),
                Map.entry(Text.UNKNOWN_TITLE, "Invitation not found"),
                Map.entry(Text.UNKNOWN_TEXT, "Please check the address in the message the invitation came in.")));

    /** The heading and the sentence that say what an answer did. */
    static Text title(AnswerOutcome outcome) {
        return switch (outcome) {
            case ENROLLED -> Text.ENROLLED;
            case WAITLISTED -> Text.WAITLISTED;
            case DECLINED -> Text.DECLINED;
        };
    }

    static Text text(AnswerOutcome outcome) {
        return switch (outcome) {
            case ENROLLED -> Text.ENROLLED_TEXT;
            case WAITLISTED -> Text.WAITLISTED_TEXT;
            case DECLINED -> Text.DECLINED_TEXT;
        };
    }

    /** What the page says of the programme; the place and the first session may be unknown yet. */
    record Programme(String name, String location, Instant firstSession, Instant expiresAt) {
    }

    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    private InvitationPage() {
    }

    static String form(String token, PageTexts.Localised<Text> lang, Programme programme) {
        StringBuilder html = FamilyPages.head(lang.tag(), lang.text(Text.TITLE));
        html.append("<main id=\"invitation\" data-state=\"open\">\n<h1>").append(escape(lang.text(Text.TITLE)))
                .append("</h1>\n<p>").append(escape(lang.text(Text.INTRO))).append("</p>\n<dl>\n");
        item(html, lang.text(Text.PROGRAMME), programme.name());
        item(html, lang.text(Text.LOCATION), programme.location());
        item(html, lang.text(Text.FIRST_SESSION), when(programme.firstSession()));
        // An invitation ends when the first meeting begins: said once, unless a move has parted them.
        if (programme.firstSession() == null
                || programme.expiresAt().getEpochSecond() != programme.firstSession().getEpochSecond()) {
            item(html, lang.text(Text.EXPIRES_AT), when(programme.expiresAt()));
        }
        html.append("</dl>\n<form id=\"invitation-form\" method=\"post\" action=\"/invitation/").append(escape(token))
                .append("?lang=").append(lang.tag()).append("\" accept-charset=\"UTF-8\">\n")
                .append("<button type=\"submit\" name=\"answer\" value=\"YES\" id=\"answer-YES\">")
                .append(escape(lang.text(Text.YES))).append("</button>\n")
                .append("<button type=\"submit\" name=\"answer\" value=\"NO\" id=\"answer-NO\" class=\"secondary\">")
                .append(escape(lang.text(Text.NO))).append("</button>\n</form>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page with a heading and a sentence: what the answer did, answered already, or unknown. */
    static String message(PageTexts.Localised<Text> lang, String state, Text titleKey, Text textKey) {
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
