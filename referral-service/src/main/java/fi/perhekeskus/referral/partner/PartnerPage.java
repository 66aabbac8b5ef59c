package fi.perhekeskus.referral.partner;

import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.referral.referral.ReceiverMoves.Move;
import fi.perhekeskus.referral.referral.ReferralResponse;
import fi.perhekeskus.infra.web.HtmlPages;
import fi.perhekeskus.infra.web.PageTexts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The partner page: the referral as its receiver sees it and one plain form per move the receiver can
 * make from its state. No script at all; one style sheet, allowed by its hash. Every value is escaped:
 * the free texts are the family's and the sender's words. Laid out for a phone first.
 */
final class PartnerPage {

    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(ZONE);

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fafafa;"
            + "line-height:1.4}main{max-width:40em;margin:0 auto;padding:1em}h1{font-size:1.4em}"
            + "dl{display:grid;grid-template-columns:minmax(7em,auto) 1fr;gap:.3em .8em}dt{font-weight:600}"
            + "dd{margin:0;overflow-wrap:anywhere}.notice{background:#fde8e8;border-left:4px solid #b00;padding:.6em}"
            + "form{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.8em;margin:.8em 0}"
            + "label{display:block;margin:.4em 0 .1em}input,select,textarea,button{font:inherit;width:100%;"
            + "box-sizing:border-box;padding:.5em}button{margin-top:.6em;background:#00703c;color:#fff;border:0;"
            + "border-radius:4px;min-height:2.8em}ol{padding-left:1.2em}small{color:#555}";

    /** Nothing may load or run but the page's own style sheet; its forms post only back to this service. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private PartnerPage() {
    }

    static String html(ReferralResponse r, List<Move> moves, String token, Instant expiresAt, PageTexts.Localised<PartnerText> lang,
                       boolean failed) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(lang.text(PartnerText.TITLE))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<main id=\"referral\" data-status=\"").append(r.status()).append("\">\n")
                .append("<h1>").append(escape(lang.text(PartnerText.TITLE))).append(": ")
                .append(escape(lang.text(PartnerText.of(r.status())))).append("</h1>\n")
                .append("<p><small>").append(escape(lang.text(PartnerText.INTRO))).append("</small></p>\n");
        if (failed) {
            html.append("<p class=\"notice\" id=\"failed\" role=\"alert\">").append(escape(lang.text(PartnerText.FAILED)))
                    .append("</p>\n");
        }
        html.append("<dl>\n");
        row(html, lang.text(PartnerText.STATUS), lang.text(PartnerText.of(r.status())), "status");
        row(html, lang.text(PartnerText.NEED_LEVEL), r.needLevel() == null ? null : lang.text(PartnerText.of(r.needLevel())), null);
        row(html, lang.text(PartnerText.PRIORITY), r.priority() == null ? null : lang.text(PartnerText.of(r.priority())), null);
        row(html, lang.text(PartnerText.MADE_AT), r.madeAt() == null ? null : TIME.format(r.madeAt()), null);
        row(html, lang.text(PartnerText.REASON), r.reason(), "reason");
        row(html, lang.text(PartnerText.RESPONSIBLE_WORKER), r.responsibleWorker(), "responsible-worker");
        row(html, lang.text(PartnerText.FIRST_CONTACT_ON), r.firstContactOn(), null);
        row(html, lang.text(PartnerText.DECLINE_REASON), r.declineReason(), null);
        row(html, lang.text(PartnerText.REDIRECT_NOTE), r.redirectNote(), null);
        row(html, lang.text(PartnerText.ON_HOLD_REASON), r.onHoldReason(), null);
        row(html, lang.text(PartnerText.OUTCOME), r.outcome() == null ? null : lang.text(PartnerText.of(r.outcome())), "outcome");
        row(html, lang.text(PartnerText.COMPLETION_NOTE), r.completionNote(), null);
        row(html, lang.text(PartnerText.EXPIRES), TIME.format(expiresAt), null);
        html.append("</dl>\n");
        if (Boolean.TRUE.equals(r.consentWithdrawn())) {
            html.append("<p class=\"notice\">").append(escape(lang.text(PartnerText.CONSENT_WITHDRAWN))).append("</p>\n");
        } else if (Boolean.TRUE.equals(r.personalDataWithheld())) {
            html.append("<p class=\"notice\">").append(escape(lang.text(PartnerText.WITHHELD))).append("</p>\n");
        }
        html.append("<h2>").append(escape(lang.text(PartnerText.MOVES))).append("</h2>\n");
        if (moves.isEmpty()) {
            html.append("<p id=\"no-moves\">").append(escape(lang.text(PartnerText.NO_MOVES))).append("</p>\n");
        }
        String base = "/partner/" + token + "/";
        for (Move move : moves) {
            html.append("<form method=\"post\" id=\"move-").append(move.path()).append("\" action=\"")
                    .append(escape(base + move.path() + "?lang=" + lang.tag())).append("\">\n");
            fields(html, move, lang);
            html.append("<button type=\"submit\">").append(escape(lang.text(PartnerText.of(move))))
                    .append("</button>\n</form>\n");
        }
        if (r.history() != null && !r.history().isEmpty()) {
            html.append("<h2>").append(escape(lang.text(PartnerText.HISTORY))).append("</h2>\n<ol id=\"history\">\n");
            for (ReferralResponse.Step step : r.history()) {
                html.append("<li>").append(escape(PartnerText.step(lang, step.step()))).append(" <small>")
                        .append(escape(TIME.format(step.at()))).append("</small></li>\n");
            }
            html.append("</ol>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /** The fields of a move's form, named as the receiver API's body fields. */
    private static void fields(StringBuilder html, Move move, PageTexts.Localised<PartnerText> lang) {
        String id = move.path();
        switch (move) {
            case ACCEPT -> {
                input(html, id, "responsibleWorker", lang.text(PartnerText.RESPONSIBLE_WORKER), "text", false);
                input(html, id, "firstContactOn", lang.text(PartnerText.FIRST_CONTACT_ON), "date", false);
            }
            case DECLINE, HOLD -> textarea(html, id, "reason", lang.text(move == Move.DECLINE ? PartnerText.DECLINE_REASON
                    : PartnerText.ON_HOLD_REASON), true);
            case REDIRECT -> {
                input(html, id, "serviceId", lang.text(PartnerText.SERVICE_ID), "text", true);
                textarea(html, id, "note", lang.text(PartnerText.REDIRECT_NOTE), false);
            }
            case COMPLETE -> {
                html.append("<label for=\"").append(id).append("-outcome\">").append(escape(lang.text(PartnerText.OUTCOME)))
                        .append("</label>\n<select id=\"").append(id).append("-outcome\" name=\"outcome\" required>\n");
                for (ReferralOutcome outcome : ReferralOutcome.values()) {
                    html.append("<option value=\"").append(outcome).append("\">").append(escape(lang.text(PartnerText.of(outcome))))
                            .append("</option>\n");
                }
                html.append("</select>\n");
                textarea(html, id, "note", lang.text(PartnerText.COMPLETION_NOTE), false);
            }
            default -> {
                // receive, start, resume: nothing to fill in
            }
        }
    }

    private static void input(StringBuilder html, String form, String name, String label, String type,
                              boolean required) {
        html.append("<label for=\"").append(form).append('-').append(name).append("\">").append(escape(label))
                .append("</label>\n<input id=\"").append(form).append('-').append(name).append("\" name=\"")
                .append(name).append("\" type=\"").append(type).append('"').append(required ? " required" : "")
                .append(">\n");
    }

    private static void textarea(StringBuilder html, String form, String name, String label, boolean required) {
        html.append("<label for=\"").append(form).append('-').append(name).append("\">").append(escape(label))
                .append("</label>\n<textarea id=\"").append(form).append('-').append(name).append("\" name=\"")
                .append(name).append("\" rows=\"3\"").append(required ? " required" : "").append("></textarea>\n");
    }

    private static void row(StringBuilder html, String label, String value, String id) {
        if (value == null || value.isBlank()) {
            return;
        }
        html.append("<dt>").append(escape(label)).append("</dt><dd").append(id == null ? "" : " id=\"" + id + "\"")
                .append('>').append(escape(value)).append("</dd>\n");
    }

    static String escape(String text) {
        return HtmlPages.escape(text);
    }

    private static String sha256(String text) {
        return HtmlPages.styleHash(text);
    }
}
