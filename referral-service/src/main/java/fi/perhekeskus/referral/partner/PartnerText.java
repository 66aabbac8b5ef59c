package fi.perhekeskus.referral.partner;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.infra.web.PageTexts;
import fi.perhekeskus.referral.referral.ReceiverMoves.Move;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The partner page's texts, by key, and the table of them in fi, sv and en. */
enum PartnerText {
    TITLE, INTRO, EXPIRES, STATUS, NEED_LEVEL, PRIORITY, MADE_AT, REASON, RESPONSIBLE_WORKER, FIRST_CONTACT_ON, DECLINE_REASON, ON_HOLD_REASON, OUTCOME, COMPLETION_NOTE, REDIRECT_NOTE, NOTE, SERVICE_ID, WITHHELD, CONSENT_WITHDRAWN, HISTORY, MOVES, NO_MOVES, FAILED, REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED, DECLINED, REDIRECTED, CANCELLED, ON_HOLD, GREEN, YELLOW, RED, ROUTINE, URGENT, GOAL_MET, PARTLY_MET, NOT_MET, FAMILY_WITHDREW, MOVE_RECEIVE, MOVE_ACCEPT, MOVE_DECLINE, MOVE_REDIRECT, MOVE_HOLD, MOVE_RESUME, MOVE_START, MOVE_COMPLETE, STEP_MADE, STEP_RECEIVED, STEP_ACCEPTED, STEP_DECLINED, STEP_REDIRECTED, STEP_ON_HOLD, STEP_RESUMED, STEP_HANDOVER_MEETING, STEP_STARTED, STEP_COMPLETED, STEP_CANCELLED, STEP_ESCALATED;

    static final PageTexts<PartnerText> TEXTS = new PageTexts<>(PartnerText.class,
            Map.ofEntries(Map.entry(TITLE, "Lähete"),
            Map.entry(INTRO, "Tämä sivu on linkki, jonka lähettävä toimija antoi toimijallenne tätä lähetettä varten. "
                    + "Älä jaa linkkiä: kuka tahansa, jolla se on, näkee lähetteen. Jokainen käyttö kirjataan perheen lokiin."),
            Map.entry(EXPIRES, "Linkki on voimassa"), Map.entry(STATUS, "Tila"), Map.entry(NEED_LEVEL, "Tuen tarve"),
            Map.entry(PRIORITY, "Kiireellisyys"), Map.entry(MADE_AT, "Lähetetty"), Map.entry(REASON, "Syy"),
            Map.entry(RESPONSIBLE_WORKER, "Vastuutyöntekijä"), Map.entry(FIRST_CONTACT_ON, "Ensimmäinen yhteydenotto"),
            Map.entry(DECLINE_REASON, "Hylkäyksen syy"), Map.entry(ON_HOLD_REASON, "Tauon syy"),
            Map.entry(OUTCOME, "Tulos"), Map.entry(COMPLETION_NOTE, "Loppuhuomio"),
            Map.entry(REDIRECT_NOTE, "Ohjauksen huomio"), Map.entry(NOTE, "Huomio"),
            Map.entry(SERVICE_ID, "Palvelun tunniste (palveluhakemistosta)"),
            Map.entry(WITHHELD, "Perheen tietoja ei näytetä: toimijallanne ei ole niihin perustetta."),
            Map.entry(CONSENT_WITHDRAWN, "Perhe on perunut suostumuksen, jonka varassa lähete tehtiin."),
            Map.entry(HISTORY, "Vaiheet"), Map.entry(MOVES, "Toimenpiteet"),
            Map.entry(NO_MOVES, "Lähete on päättynyt: toimenpiteitä ei ole."),
            Map.entry(FAILED, "Toimenpide ei onnistunut. Tarkista tiedot ja lähetteen tila ja yritä uudelleen."),
            Map.entry(REQUESTED, "Lähetetty"), Map.entry(RECEIVED, "Vastaanotettu"), Map.entry(ACCEPTED, "Hyväksytty"),
            Map.entry(IN_PROGRESS, "Työskentely käynnissä"), Map.entry(COMPLETED, "Päättynyt"),
            Map.entry(DECLINED, "Hylätty"), Map.entry(REDIRECTED, "Ohjattu toiseen palveluun"),
            Map.entry(CANCELLED, "Peruttu"), Map.entry(ON_HOLD, "Tauolla"),
            Map.entry(GREEN, "Vihreä"), Map.entry(YELLOW, "Keltainen"), Map.entry(RED, "Punainen"),
            Map.entry(ROUTINE, "Tavallinen"), Map.entry(URGENT, "Kiireellinen"),
            Map.entry(GOAL_MET, "Tavoite saavutettiin"), Map.entry(PARTLY_MET, "Tavoite saavutettiin osin"),
            Map.entry(NOT_MET, "Tavoitetta ei saavutettu"), Map.entry(FAMILY_WITHDREW, "Perhe keskeytti"),
            Map.entry(MOVE_RECEIVE, "Kuittaa vastaanotetuksi"), Map.entry(MOVE_ACCEPT, "Hyväksy"),
            Map.entry(MOVE_DECLINE, "Hylkää"), Map.entry(MOVE_REDIRECT, "Ohjaa toiseen palveluun"),
            Map.entry(MOVE_HOLD, "Tauota"), Map.entry(MOVE_RESUME, "Jatka"),
            Map.entry(MOVE_START, "Aloita työskentely"), Map.entry(MOVE_COMPLETE, "Päätä ja kerro tulos"),
            Map.entry(STEP_MADE, "Lähetetty"), Map.entry(STEP_RECEIVED, "Vastaanotettu"),
            Map.entry(STEP_ACCEPTED, "Hyväksytty"), Map.entry(STEP_DECLINED, "Hylätty"),
            Map.entry(STEP_REDIRECTED, "Ohjattu"), Map.entry(STEP_ON_HOLD, "Tauotettu"),
            Map.entry(STEP_RESUMED, "Jatkettu"), Map.entry(STEP_HANDOVER_MEETING, "Saattaen vaihtaen -tapaaminen"),
            Map.entry(STEP_STARTED, "Aloitettu"), Map.entry(STEP_COMPLETED, "Päätetty"),
            Map.entry(STEP_CANCELLED, "Peruttu"), Map.entry(STEP_ESCALATED, "Määräaika ylittyi")),
            Map.ofEntries(Map.entry(TITLE, "Remiss"),
            Map.entry(INTRO, "Den här sidan är en länk som den remitterande aktören gav er för den här remissen. "
                    + "Dela inte länken: den som har den ser remissen. Varje användning förs in i familjens logg."),
            Map.entry(EXPIRES, "Länken gäller till"), Map.entry(STATUS, "Status"), Map.entry(NEED_LEVEL, "Stödbehov"),
            Map.entry(PRIORITY, "Brådska"), Map.entry(MADE_AT, "Remitterad"), Map.entry(REASON, "Orsak"),
            Map.entry(RESPONSIBLE_WORKER, "Ansvarig arbetstagare"), Map.entry(FIRST_CONTACT_ON, "Första kontakt"),
            Map.entry(DECLINE_REASON, "Orsak till avslag"), Map.entry(ON_HOLD_REASON, "Orsak till paus"),
            Map.entry(OUTCOME, "Resultat"), Map.entry(COMPLETION_NOTE, "Slutanteckning"),
            Map.entry(REDIRECT_NOTE, "Anteckning om hänvisning"), Map.entry(NOTE, "Anteckning"),
            Map.entry(SERVICE_ID, "Tjänstens id (från tjänstekatalogen)"),
            Map.entry(WITHHELD, "Familjens uppgifter visas inte: er aktör har ingen grund för dem."),
            Map.entry(CONSENT_WITHDRAWN, "Familjen har återkallat samtycket som remissen byggde på."),
            Map.entry(HISTORY, "Skeden"), Map.entry(MOVES, "Åtgärder"),
            Map.entry(NO_MOVES, "Remissen är avslutad: inga åtgärder återstår."),
            Map.entry(FAILED, "Åtgärden lyckades inte. Kontrollera uppgifterna och remissens status och försök igen."),
            Map.entry(REQUESTED, "Remitterad"), Map.entry(RECEIVED, "Mottagen"), Map.entry(ACCEPTED, "Godkänd"),
            Map.entry(IN_PROGRESS, "Arbete pågår"), Map.entry(COMPLETED, "Avslutad"),
            Map.entry(DECLINED, "Avslagen"), Map.entry(REDIRECTED, "Hänvisad till en annan tjänst"),
            Map.entry(CANCELLED, "Återtagen"), Map.entry(ON_HOLD, "Pausad"),
            Map.entry(GREEN, "Grön"), Map.entry(YELLOW, "Gul"), Map.entry(RED, "Röd"),
            Map.entry(ROUTINE, "Normal"), Map.entry(URGENT, "Brådskande"),
            Map.entry(GOAL_MET, "Målet nåddes"), Map.entry(PARTLY_MET, "Målet nåddes delvis"),
            Map.entry(NOT_MET, "Målet nåddes inte"), Map.entry(FAMILY_WITHDREW, "Familjen avbröt"),
            Map.entry(MOVE_RECEIVE, "Kvittera som mottagen"), Map.entry(MOVE_ACCEPT, "Godkänn"),
            Map.entry(MOVE_DECLINE, "Avslå"), Map.entry(MOVE_REDIRECT, "Hänvisa till en annan tjänst"),
            Map.entry(MOVE_HOLD, "Pausa"), Map.entry(MOVE_RESUME, "Fortsätt"),
            Map.entry(MOVE_START, "Inled arbetet"), Map.entry(MOVE_COMPLETE, "Avsluta och meddela resultatet"),
            Map.entry(STEP_MADE, "Remitterad"), Map.entry(STEP_RECEIVED, "Mottagen"),
            Map.entry(STEP_ACCEPTED, "Godkänd"), Map.entry(STEP_DECLINED, "Avslagen"),
            Map.entry(STEP_REDIRECTED, "Hänvisad"), Map.entry(STEP_ON_HOLD, "Pausad"),
            Map.entry(STEP_RESUMED, "Fortsatt"), Map.entry(STEP_HANDOVER_MEETING, "Överlämningsmöte"),
            Map.entry(STEP_STARTED, "Inledd"), Map.entry(STEP_COMPLETED, "Avslutad"),
            Map.entry(STEP_CANCELLED, "Återtagen"), Map.entry(STEP_ESCALATED, "Tidsfristen överskreds")),
            Map.ofEntries(Map.entry(TITLE, "Referral"),
            Map.entry(INTRO, "This page is a link the referring agency gave your agency for this referral. "
                    + "Do not share it: whoever holds it sees the referral. Every use is written to the family's log."),
            Map.entry(EXPIRES, "The link is valid until"), Map.entry(STATUS, "Status"), Map.entry(NEED_LEVEL, "Need level"),
            Map.entry(PRIORITY, "Priority"), Map.entry(MADE_AT, "Referred"), Map.entry(REASON, "Reason"),
            Map.entry(RESPONSIBLE_WORKER, "Responsible worker"), Map.entry(FIRST_CONTACT_ON, "First contact"),
            Map.entry(DECLINE_REASON, "Reason for declining"), Map.entry(ON_HOLD_REASON, "Reason for the hold"),
            Map.entry(OUTCOME, "Outcome"), Map.entry(COMPLETION_NOTE, "Closing note"),
            Map.entry(REDIRECT_NOTE, "Redirect note"), Map.entry(NOTE, "Note"),
            Map.entry(SERVICE_ID, "Service id (from the directory)"),
            Map.entry(WITHHELD, "The family's data is not shown: your agency has no basis for it."),
            Map.entry(CONSENT_WITHDRAWN, "The family withdrew the consent this referral rested on."),
            Map.entry(HISTORY, "Steps"), Map.entry(MOVES, "Actions"),
            Map.entry(NO_MOVES, "The referral is closed: there is nothing left to do."),
            Map.entry(FAILED, "That did not succeed. Check the fields and the referral's status, and try again."),
            Map.entry(REQUESTED, "Referred"), Map.entry(RECEIVED, "Received"), Map.entry(ACCEPTED, "Accepted"),
            Map.entry(IN_PROGRESS, "In progress"), Map.entry(COMPLETED, "Completed"),
            Map.entry(DECLINED, "Declined"), Map.entry(REDIRECTED, "Redirected to another service"),
            Map.entry(CANCELLED, "Cancelled"), Map.entry(ON_HOLD, "On hold"),
            Map.entry(GREEN, "Green"), Map.entry(YELLOW, "Yellow"), Map.entry(RED, "Red"),
            Map.entry(ROUTINE, "Routine"), Map.entry(URGENT, "Urgent"),
            Map.entry(GOAL_MET, "Goal met"), Map.entry(PARTLY_MET, "Goal partly met"),
            Map.entry(NOT_MET, "Goal not met"), Map.entry(FAMILY_WITHDREW, "The family withdrew"),
            Map.entry(MOVE_RECEIVE, "Acknowledge receipt"), Map.entry(MOVE_ACCEPT, "Accept"),
            Map.entry(MOVE_DECLINE, "Decline"), Map.entry(MOVE_REDIRECT, "Redirect to another service"),
            Map.entry(MOVE_HOLD, "Put on hold"), Map.entry(MOVE_RESUME, "Resume"),
            Map.entry(MOVE_START, "Start working"), Map.entry(MOVE_COMPLETE, "Complete and report the outcome"),
            Map.entry(STEP_MADE, "Referred"), Map.entry(STEP_RECEIVED, "Received"),
            Map.entry(STEP_ACCEPTED, "Accepted"), Map.entry(STEP_DECLINED, "Declined"),
            Map.entry(STEP_REDIRECTED, "Redirected"), Map.entry(STEP_ON_HOLD, "Put on hold"),
            Map.entry(STEP_RESUMED, "Resumed"), Map.entry(STEP_HANDOVER_MEETING, "Hand-over meeting"),
            Map.entry(STEP_STARTED, "Started"), Map.entry(STEP_COMPLETED, "Completed"),
            Map.entry(STEP_CANCELLED, "Cancelled"), Map.entry(STEP_ESCALATED, "Deadline passed")));

    private static final Map<String, PartnerText> STEPS = Arrays.stream(values())
            .filter(key -> key.name().startsWith("STEP_"))
            .collect(Collectors.toUnmodifiableMap(key -> key.name().substring(5), Function.identity()));

    /** The text of a history step; a step it has no text for (a new one) reads as itself. */
    static String step(PageTexts.Localised<PartnerText> lang, String step) {
        PartnerText key = STEPS.get(String.valueOf(step));
        return key == null ? String.valueOf(step) : lang.text(key);
    }

    static PartnerText of(ReferralStatus value) {
        return switch (value) {
            case REQUESTED -> REQUESTED;
            case RECEIVED -> RECEIVED;
            case ACCEPTED -> ACCEPTED;
            case IN_PROGRESS -> IN_PROGRESS;
            case COMPLETED -> COMPLETED;
            case DECLINED -> DECLINED;
            case REDIRECTED -> REDIRECTED;
            case CANCELLED -> CANCELLED;
            case ON_HOLD -> ON_HOLD;
        };
    }

    static PartnerText of(NeedLevel value) {
        return switch (value) {
            case GREEN -> GREEN;
            case YELLOW -> YELLOW;
            case RED -> RED;
        };
    }

    static PartnerText of(Priority value) {
        return switch (value) {
            case ROUTINE -> ROUTINE;
            case URGENT -> URGENT;
        };
    }

    static PartnerText of(ReferralOutcome value) {
        return switch (value) {
            case GOAL_MET -> GOAL_MET;
            case PARTLY_MET -> PARTLY_MET;
            case NOT_MET -> NOT_MET;
            case FAMILY_WITHDREW -> FAMILY_WITHDREW;
        };
    }

    static PartnerText of(Move value) {
        return switch (value) {
            case RECEIVE -> MOVE_RECEIVE;
            case ACCEPT -> MOVE_ACCEPT;
            case DECLINE -> MOVE_DECLINE;
            case REDIRECT -> MOVE_REDIRECT;
            case HOLD -> MOVE_HOLD;
            case RESUME -> MOVE_RESUME;
            case START -> MOVE_START;
            case COMPLETE -> MOVE_COMPLETE;
        };
    }
}
