package fi.perhekeskus.referral.partner;

import fi.perhekeskus.infra.web.HtmlPages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The partner page's languages (fi, sv, en) and its texts in each. */
enum PartnerLanguage {

    FI(Map.ofEntries(
            Map.entry("title", "Lähete"),
            Map.entry("intro", "Tämä sivu on linkki, jonka lähettävä toimija antoi toimijallenne tätä lähetettä varten. "
                    + "Älä jaa linkkiä: kuka tahansa, jolla se on, näkee lähetteen. Jokainen käyttö kirjataan perheen lokiin."),
            Map.entry("expires", "Linkki on voimassa"), Map.entry("status", "Tila"), Map.entry("needLevel", "Tuen tarve"),
            Map.entry("priority", "Kiireellisyys"), Map.entry("madeAt", "Lähetetty"), Map.entry("reason", "Syy"),
            Map.entry("responsibleWorker", "Vastuutyöntekijä"), Map.entry("firstContactOn", "Ensimmäinen yhteydenotto"),
            Map.entry("declineReason", "Hylkäyksen syy"), Map.entry("onHoldReason", "Tauon syy"),
            Map.entry("outcome", "Tulos"), Map.entry("completionNote", "Loppuhuomio"),
            Map.entry("redirectNote", "Ohjauksen huomio"), Map.entry("note", "Huomio"),
            Map.entry("serviceId", "Palvelun tunniste (palveluhakemistosta)"),
            Map.entry("withheld", "Perheen tietoja ei näytetä: toimijallanne ei ole niihin perustetta."),
            Map.entry("consentWithdrawn", "Perhe on perunut suostumuksen, jonka varassa lähete tehtiin."),
            Map.entry("history", "Vaiheet"), Map.entry("moves", "Toimenpiteet"),
            Map.entry("noMoves", "Lähete on päättynyt: toimenpiteitä ei ole."),
            Map.entry("failed", "Toimenpide ei onnistunut. Tarkista tiedot ja lähetteen tila ja yritä uudelleen."),
            Map.entry("REQUESTED", "Lähetetty"), Map.entry("RECEIVED", "Vastaanotettu"), Map.entry("ACCEPTED", "Hyväksytty"),
            Map.entry("IN_PROGRESS", "Työskentely käynnissä"), Map.entry("COMPLETED", "Päättynyt"),
            Map.entry("DECLINED", "Hylätty"), Map.entry("REDIRECTED", "Ohjattu toiseen palveluun"),
            Map.entry("CANCELLED", "Peruttu"), Map.entry("ON_HOLD", "Tauolla"),
            Map.entry("GREEN", "Vihreä"), Map.entry("YELLOW", "Keltainen"), Map.entry("RED", "Punainen"),
            Map.entry("ROUTINE", "Tavallinen"), Map.entry("URGENT", "Kiireellinen"),
            Map.entry("GOAL_MET", "Tavoite saavutettiin"), Map.entry("PARTLY_MET", "Tavoite saavutettiin osin"),
            Map.entry("NOT_MET", "Tavoitetta ei saavutettu"), Map.entry("FAMILY_WITHDREW", "Perhe keskeytti"),
            Map.entry("move.receive", "Kuittaa vastaanotetuksi"), Map.entry("move.accept", "Hyväksy"),
            Map.entry("move.decline", "Hylkää"), Map.entry("move.redirect", "Ohjaa toiseen palveluun"),
            Map.entry("move.hold", "Tauota"), Map.entry("move.resume", "Jatka"),
            Map.entry("move.start", "Aloita työskentely"), Map.entry("move.complete", "Päätä ja kerro tulos"),
            Map.entry("step.MADE", "Lähetetty"), Map.entry("step.RECEIVED", "Vastaanotettu"),
            Map.entry("step.ACCEPTED", "Hyväksytty"), Map.entry("step.DECLINED", "Hylätty"),
            Map.entry("step.REDIRECTED", "Ohjattu"), Map.entry("step.ON_HOLD", "Tauotettu"),
            Map.entry("step.RESUMED", "Jatkettu"), Map.entry("step.HANDOVER_MEETING", "Saattaen vaihtaen -tapaaminen"),
            Map.entry("step.STARTED", "Aloitettu"), Map.entry("step.COMPLETED", "Päätetty"),
            Map.entry("step.CANCELLED", "Peruttu"), Map.entry("step.ESCALATED", "Määräaika ylittyi"))),
    SV(Map.ofEntries(
            Map.entry("title", "Remiss"),
            Map.entry("intro", "Den här sidan är en länk som den remitterande aktören gav er för den här remissen. "
                    + "Dela inte länken: den som har den ser remissen. Varje användning förs in i familjens logg."),
            Map.entry("expires", "Länken gäller till"), Map.entry("status", "Status"), Map.entry("needLevel", "Stödbehov"),
            Map.entry("priority", "Brådska"), Map.entry("madeAt", "Remitterad"), Map.entry("reason", "Orsak"),
            Map.entry("responsibleWorker", "Ansvarig arbetstagare"), Map.entry("firstContactOn", "Första kontakt"),
            Map.entry("declineReason", "Orsak till avslag"), Map.entry("onHoldReason", "Orsak till paus"),
            Map.entry("outcome", "Resultat"), Map.entry("completionNote", "Slutanteckning"),
            Map.entry("redirectNote", "Anteckning om hänvisning"), Map.entry("note", "Anteckning"),
            Map.entry("serviceId", "Tjänstens id (från tjänstekatalogen)"),
            Map.entry("withheld", "Familjens uppgifter visas inte: er aktör har ingen grund för dem."),
            Map.entry("consentWithdrawn", "Familjen har återkallat samtycket som remissen byggde på."),
            Map.entry("history", "Skeden"), Map.entry("moves", "Åtgärder"),
            Map.entry("noMoves", "Remissen är avslutad: inga åtgärder återstår."),
            Map.entry("failed", "Åtgärden lyckades inte. Kontrollera uppgifterna och remissens status och försök igen."),
            Map.entry("REQUESTED", "Remitterad"), Map.entry("RECEIVED", "Mottagen"), Map.entry("ACCEPTED", "Godkänd"),
            Map.entry("IN_PROGRESS", "Arbete pågår"), Map.entry("COMPLETED", "Avslutad"),
            Map.entry("DECLINED", "Avslagen"), Map.entry("REDIRECTED", "Hänvisad till en annan tjänst"),
            Map.entry("CANCELLED", "Återtagen"), Map.entry("ON_HOLD", "Pausad"),
            Map.entry("GREEN", "Grön"), Map.entry("YELLOW", "Gul"), Map.entry("RED", "Röd"),
            Map.entry("ROUTINE", "Normal"), Map.entry("URGENT", "Brådskande"),
            Map.entry("GOAL_MET", "Målet nåddes"), Map.entry("PARTLY_MET", "Målet nåddes delvis"),
            Map.entry("NOT_MET", "Målet nåddes inte"), Map.entry("FAMILY_WITHDREW", "Familjen avbröt"),
            Map.entry("move.receive", "Kvittera som mottagen"), Map.entry("move.accept", "Godkänn"),
            Map.entry("move.decline", "Avslå"), Map.entry("move.redirect", "Hänvisa till en annan tjänst"),
            Map.entry("move.hold", "Pausa"), Map.entry("move.resume", "Fortsätt"),
            Map.entry("move.start", "Inled arbetet"), Map.entry("move.complete", "Avsluta och meddela resultatet"),
            Map.entry("step.MADE", "Remitterad"), Map.entry("step.RECEIVED", "Mottagen"),
            Map.entry("step.ACCEPTED", "Godkänd"), Map.entry("step.DECLINED", "Avslagen"),
            Map.entry("step.REDIRECTED", "Hänvisad"), Map.entry("step.ON_HOLD", "Pausad"),
            Map.entry("step.RESUMED", "Fortsatt"), Map.entry("step.HANDOVER_MEETING", "Överlämningsmöte"),
            Map.entry("step.STARTED", "Inledd"), Map.entry("step.COMPLETED", "Avslutad"),
            Map.entry("step.CANCELLED", "Återtagen"), Map.entry("step.ESCALATED", "Tidsfristen överskreds"))),
    EN(Map.ofEntries(
            Map.entry("title", "Referral"),
            Map.entry("intro", "This page is a link the referring agency gave your agency for this referral. "
                    + "Do not share it: whoever holds it sees the referral. Every use is written to the family's log."),
            Map.entry("expires", "The link is valid until"), Map.entry("status", "Status"), Map.entry("needLevel", "Need level"),
            Map.entry("priority", "Priority"), Map.entry("madeAt", "Referred"), Map.entry("reason", "Reason"),
            Map.entry("responsibleWorker", "Responsible worker"), Map.entry("firstContactOn", "First contact"),
            Map.entry("declineReason", "Reason for declining"), Map.entry("onHoldReason", "Reason for the hold"),
            Map.entry("outcome", "Outcome"), Map.entry("completionNote", "Closing note"),
            Map.entry("redirectNote", "Redirect note"), Map.entry("note", "Note"),
            Map.entry("serviceId", "Service id (from the directory)"),
            Map.entry("withheld", "The family's data is not shown: your agency has no basis for it."),
            Map.entry("consentWithdrawn", "The family withdrew the consent this referral rested on."),
            Map.entry("history", "Steps"), Map.entry("moves", "Actions"),
            Map.entry("noMoves", "The referral is closed: there is nothing left to do."),
            Map.entry("failed", "That did not succeed. Check the fields and the referral's status, and try again."),
            Map.entry("REQUESTED", "Referred"), Map.entry("RECEIVED", "Received"), Map.entry("ACCEPTED", "Accepted"),
            Map.entry("IN_PROGRESS", "In progress"), Map.entry("COMPLETED", "Completed"),
            Map.entry("DECLINED", "Declined"), Map.entry("REDIRECTED", "Redirected to another service"),
            Map.entry("CANCELLED", "Cancelled"), Map.entry("ON_HOLD", "On hold"),
            Map.entry("GREEN", "Green"), Map.entry("YELLOW", "Yellow"), Map.entry("RED", "Red"),
            Map.entry("ROUTINE", "Routine"), Map.entry("URGENT", "Urgent"),
            Map.entry("GOAL_MET", "Goal met"), Map.entry("PARTLY_MET", "Goal partly met"),
            Map.entry("NOT_MET", "Goal not met"), Map.entry("FAMILY_WITHDREW", "The family withdrew"),
            Map.entry("move.receive", "Acknowledge receipt"), Map.entry("move.accept", "Accept"),
            Map.entry("move.decline", "Decline"), Map.entry("move.redirect", "Redirect to another service"),
            Map.entry("move.hold", "Put on hold"), Map.entry("move.resume", "Resume"),
            Map.entry("move.start", "Start working"), Map.entry("move.complete", "Complete and report the outcome"),
            Map.entry("step.MADE", "Referred"), Map.entry("step.RECEIVED", "Received"),
            Map.entry("step.ACCEPTED", "Accepted"), Map.entry("step.DECLINED", "Declined"),
            Map.entry("step.REDIRECTED", "Redirected"), Map.entry("step.ON_HOLD", "Put on hold"),
            Map.entry("step.RESUMED", "Resumed"), Map.entry("step.HANDOVER_MEETING", "Hand-over meeting"),
            Map.entry("step.STARTED", "Started"), Map.entry("step.COMPLETED", "Completed"),
            Map.entry("step.CANCELLED", "Cancelled"), Map.entry("step.ESCALATED", "Deadline passed")));

    private final Map<String, String> texts;

    PartnerLanguage(Map<String, String> texts) {
        this.texts = texts;
    }

    /**
     * {@code ?lang=} when given (fi, sv or en; anything else is a 400 naming {@code lang}), else the
     * first of the browser's languages that the page has, else Finnish.
     */
    static PartnerLanguage choose(String lang, List<Locale> accepted) {
        return valueOf(HtmlPages.language(lang, accepted).toUpperCase(Locale.ROOT));
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The text of {@code key}; a key it has no text for (a new history step) reads as itself. */
    String text(String key) {
        return texts.getOrDefault(key, key.startsWith("step.") ? key.substring(5) : key);
    }
}
