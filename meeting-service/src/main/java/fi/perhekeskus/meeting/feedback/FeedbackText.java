package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.infra.web.PageTexts;

import java.util.Map;

/** The feedback form's texts, by key, and the table of them in fi, sv and en. */
enum FeedbackText {
    TITLE, INTRO, REQUIRED, OPTIONAL, TIMING_SUITED, CONTENT_MET_NEEDS, INFO_MATCHED_CHILD_AGE, PREMISES_SUITED, COMMENT, COMMENT_HINT, YES, PARTLY, NO, SUBMIT, INVALID, THANKS, THANKS_TEXT, USED_TITLE, USED_TEXT, UNKNOWN_TITLE, UNKNOWN_TEXT, FAILED_TITLE, FAILED_TEXT;

    static final PageTexts<FeedbackText> TEXTS = new PageTexts<>(FeedbackText.class,
            Map.ofEntries(Map.entry(TITLE, "Palaute ryhmän kokoontumisesta"),
            Map.entry(INTRO, "Palaute on nimetön: emme kysy nimeänne. Linkillä voi antaa palautteen kerran."),
            Map.entry(REQUIRED, "pakollinen"), Map.entry(OPTIONAL, "vapaaehtoinen"),
            Map.entry(TIMING_SUITED, "Sopiko kokoontumisen ajankohta teille?"),
            Map.entry(CONTENT_MET_NEEDS, "Vastasiko sisältö tarpeitanne?"),
            Map.entry(INFO_MATCHED_CHILD_AGE, "Sopiko saamanne tieto lapsenne ikään?"),
            Map.entry(PREMISES_SUITED, "Sopivatko tilat teille?"),
            Map.entry(COMMENT, "Terveiset ohjaajille"),
            Map.entry(COMMENT_HINT, "Enintään 2000 merkkiä. Älä kirjoita kenenkään nimeä."),
            Map.entry(YES, "Kyllä"), Map.entry(PARTLY, "Osittain"), Map.entry(NO, "Ei"),
            Map.entry(SUBMIT, "Lähetä palaute"),
            Map.entry(INVALID, "Vastatkaa kolmeen ensimmäiseen kysymykseen; kommentti on enintään 2000 merkkiä."),
            Map.entry(THANKS, "Kiitos palautteestanne!"),
            Map.entry(THANKS_TEXT, "Palautteenne on tallennettu. Voitte sulkea sivun."),
            Map.entry(USED_TITLE, "Palaute on jo annettu"),
            Map.entry(USED_TEXT, "Tällä linkillä on jo annettu palaute. Kiitos!"),
            Map.entry(UNKNOWN_TITLE, "Linkkiä ei löytynyt"),
            Map.entry(UNKNOWN_TEXT, "Tarkistakaa osoite tai pyytäkää ohjaajalta uusi linkki."),
            Map.entry(FAILED_TITLE, "Palautetta ei voitu ottaa vastaan"),
            Map.entry(FAILED_TEXT, "Tähän kokoontumiseen ei voi nyt antaa palautetta.")),
            Map.ofEntries(Map.entry(TITLE, "Respons på gruppträffen"),
            Map.entry(INTRO, "Responsen är anonym: vi frågar inte efter ert namn. Länken kan användas en gång."),
            Map.entry(REQUIRED, "obligatorisk"), Map.entry(OPTIONAL, "frivillig"),
            Map.entry(TIMING_SUITED, "Passade tidpunkten för träffen er?"),
            Map.entry(CONTENT_MET_NEEDS, "Motsvarade innehållet era behov?"),
            Map.entry(INFO_MATCHED_CHILD_AGE, "Passade informationen ert barns ålder?"),
            Map.entry(PREMISES_SUITED, "Passade lokalerna er?"),
            Map.entry(COMMENT, "Hälsningar till ledarna"),
            Map.entry(COMMENT_HINT, "Högst 2000 tecken. Skriv inte någons namn."),
            Map.entry(YES, "Ja"), Map.entry(PARTLY, "Delvis"), Map.entry(NO, "Nej"),
            Map.entry(SUBMIT, "Skicka responsen"),
            Map.entry(INVALID, "Svara på de tre första frågorna; kommentaren är högst 2000 tecken."),
            Map.entry(THANKS, "Tack för er respons!"),
            Map.entry(THANKS_TEXT, "Er respons har sparats. Ni kan stänga sidan."),
            Map.entry(USED_TITLE, "Responsen har redan getts"),
            Map.entry(USED_TEXT, "Respons har redan getts med den här länken. Tack!"),
            Map.entry(UNKNOWN_TITLE, "Länken hittades inte"),
            Map.entry(UNKNOWN_TEXT, "Kontrollera adressen eller be ledaren om en ny länk."),
            Map.entry(FAILED_TITLE, "Responsen kunde inte tas emot"),
            Map.entry(FAILED_TEXT, "Till den här träffen kan man inte ge respons nu.")),
            Map.ofEntries(Map.entry(TITLE, "Feedback on the group session"),
            Map.entry(INTRO, "Your feedback is anonymous: we do not ask your name. The link can be used once."),
            Map.entry(REQUIRED, "required"), Map.entry(OPTIONAL, "optional"),
            Map.entry(TIMING_SUITED, "Did the time of the session suit you?"),
            Map.entry(CONTENT_MET_NEEDS, "Did the content meet your needs?"),
            Map.entry(INFO_MATCHED_CHILD_AGE, "Did the information match your child's age?"),
            Map.entry(PREMISES_SUITED, "Did the premises suit you?"),
            Map.entry(COMMENT, "A word to the facilitators"),
            Map.entry(COMMENT_HINT, "At most 2000 characters. Please do not write anyone's name."),
            Map.entry(YES, "Yes"), Map.entry(PARTLY, "Partly"), Map.entry(NO, "No"),
            Map.entry(SUBMIT, "Send feedback"),
            Map.entry(INVALID, "Please answer the first three questions; the comment is at most 2000 characters."),
            Map.entry(THANKS, "Thank you for your feedback!"),
            Map.entry(THANKS_TEXT, "Your feedback has been saved. You may close this page."),
            Map.entry(USED_TITLE, "Feedback already given"),
            Map.entry(USED_TEXT, "Feedback has already been given with this link. Thank you!"),
            Map.entry(UNKNOWN_TITLE, "Link not found"),
            Map.entry(UNKNOWN_TEXT, "Please check the address, or ask the facilitator for a new link."),
            Map.entry(FAILED_TITLE, "The feedback could not be taken"),
            Map.entry(FAILED_TEXT, "Feedback cannot be given on this session now.")));

    /** The label of an answer. */
    static FeedbackText of(Answer answer) {
        return switch (answer) {
            case YES -> YES;
            case PARTLY -> PARTLY;
            case NO -> NO;
        };
    }
}
