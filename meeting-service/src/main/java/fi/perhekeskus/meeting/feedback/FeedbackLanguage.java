package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.infra.web.HtmlPages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The feedback form's languages (fi, sv, en) and its texts in each. */
enum FeedbackLanguage {

    FI(Map.ofEntries(
            Map.entry("title", "Palaute ryhmän kokoontumisesta"),
            Map.entry("intro", "Palaute on nimetön: emme kysy nimeänne. Linkillä voi antaa palautteen kerran."),
            Map.entry("required", "pakollinen"), Map.entry("optional", "vapaaehtoinen"),
            Map.entry("timingSuited", "Sopiko kokoontumisen ajankohta teille?"),
            Map.entry("contentMetNeeds", "Vastasiko sisältö tarpeitanne?"),
            Map.entry("infoMatchedChildAge", "Sopiko saamanne tieto lapsenne ikään?"),
            Map.entry("premisesSuited", "Sopivatko tilat teille?"),
            Map.entry("comment", "Terveiset ohjaajille"),
            Map.entry("commentHint", "Enintään 2000 merkkiä. Älä kirjoita kenenkään nimeä."),
            Map.entry("YES", "Kyllä"), Map.entry("PARTLY", "Osittain"), Map.entry("NO", "Ei"),
            Map.entry("submit", "Lähetä palaute"),
            Map.entry("invalid", "Vastatkaa kolmeen ensimmäiseen kysymykseen; kommentti on enintään 2000 merkkiä."),
            Map.entry("thanks", "Kiitos palautteestanne!"),
            Map.entry("thanksText", "Palautteenne on tallennettu. Voitte sulkea sivun."),
            Map.entry("usedTitle", "Palaute on jo annettu"),
            Map.entry("usedText", "Tällä linkillä on jo annettu palaute. Kiitos!"),
            Map.entry("unknownTitle", "Linkkiä ei löytynyt"),
            Map.entry("unknownText", "Tarkistakaa osoite tai pyytäkää ohjaajalta uusi linkki."),
            Map.entry("failedTitle", "Palautetta ei voitu ottaa vastaan"),
            Map.entry("failedText", "Tähän kokoontumiseen ei voi nyt antaa palautetta."))),
    SV(Map.ofEntries(
            Map.entry("title", "Respons på gruppträffen"),
            Map.entry("intro", "Responsen är anonym: vi frågar inte efter ert namn. Länken kan användas en gång."),
            Map.entry("required", "obligatorisk"), Map.entry("optional", "frivillig"),
            Map.entry("timingSuited", "Passade tidpunkten för träffen er?"),
            Map.entry("contentMetNeeds", "Motsvarade innehållet era behov?"),
            Map.entry("infoMatchedChildAge", "Passade informationen ert barns ålder?"),
            Map.entry("premisesSuited", "Passade lokalerna er?"),
            Map.entry("comment", "Hälsningar till ledarna"),
            Map.entry("commentHint", "Högst 2000 tecken. Skriv inte någons namn."),
            Map.entry("YES", "Ja"), Map.entry("PARTLY", "Delvis"), Map.entry("NO", "Nej"),
            Map.entry("submit", "Skicka responsen"),
            Map.entry("invalid", "Svara på de tre första frågorna; kommentaren är högst 2000 tecken."),
            Map.entry("thanks", "Tack för er respons!"),
            Map.entry("thanksText", "Er respons har sparats. Ni kan stänga sidan."),
            Map.entry("usedTitle", "Responsen har redan getts"),
            Map.entry("usedText", "Respons har redan getts med den här länken. Tack!"),
            Map.entry("unknownTitle", "Länken hittades inte"),
            Map.entry("unknownText", "Kontrollera adressen eller be ledaren om en ny länk."),
            Map.entry("failedTitle", "Responsen kunde inte tas emot"),
            Map.entry("failedText", "Till den här träffen kan man inte ge respons nu."))),
    EN(Map.ofEntries(
            Map.entry("title", "Feedback on the group session"),
            Map.entry("intro", "Your feedback is anonymous: we do not ask your name. The link can be used once."),
            Map.entry("required", "required"), Map.entry("optional", "optional"),
            Map.entry("timingSuited", "Did the time of the session suit you?"),
            Map.entry("contentMetNeeds", "Did the content meet your needs?"),
            Map.entry("infoMatchedChildAge", "Did the information match your child's age?"),
            Map.entry("premisesSuited", "Did the premises suit you?"),
            Map.entry("comment", "A word to the facilitators"),
            Map.entry("commentHint", "At most 2000 characters. Please do not write anyone's name."),
            Map.entry("YES", "Yes"), Map.entry("PARTLY", "Partly"), Map.entry("NO", "No"),
            Map.entry("submit", "Send feedback"),
            Map.entry("invalid", "Please answer the first three questions; the comment is at most 2000 characters."),
            Map.entry("thanks", "Thank you for your feedback!"),
            Map.entry("thanksText", "Your feedback has been saved. You may close this page."),
            Map.entry("usedTitle", "Feedback already given"),
            Map.entry("usedText", "Feedback has already been given with this link. Thank you!"),
            Map.entry("unknownTitle", "Link not found"),
            Map.entry("unknownText", "Please check the address, or ask the facilitator for a new link."),
            Map.entry("failedTitle", "The feedback could not be taken"),
            Map.entry("failedText", "Feedback cannot be given on this session now.")));

    private final Map<String, String> texts;

    FeedbackLanguage(Map<String, String> texts) {
        this.texts = texts;
    }

    /** {@code ?lang=} when given (fi, sv or en, else 400 naming lang), else the browser's first known, else Finnish. */
    static FeedbackLanguage choose(String lang, List<Locale> accepted) {
        return valueOf(HtmlPages.language(lang, accepted).toUpperCase(Locale.ROOT));
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    String text(String key) {
        return texts.getOrDefault(key, key);
    }
}
