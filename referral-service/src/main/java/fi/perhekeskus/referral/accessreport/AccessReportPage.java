package fi.perhekeskus.referral.accessreport;

import fi.perhekeskus.infra.csv.Csv;
import fi.perhekeskus.infra.web.HtmlPages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The right-of-access report as a printable HTML page or as CSV. Every value is escaped (HTML) or
 * neutralised against formulas (CSV): worker ids and purposes are free text from callers. The page
 * has no script and one style sheet, allowed by its hash in the page's Content Security Policy.
 */
public final class AccessReportPage {

    /** Times as the family reads them: Finnish time, with its offset. */
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#111}"
            + "table{border-collapse:collapse;width:100%;font-size:0.9em}"
            + "th,td{border:1px solid #999;padding:0.3em 0.5em;text-align:left;vertical-align:top}"
            + "th{background:#eee}td{overflow-wrap:anywhere}"
            + "@media print{body{margin:0}th{background:none}}";

    /** Nothing may load or run but the page's own style sheet. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private AccessReportPage() {
    }

    public static String html(AccessReport report, ReportLanguage lang) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(lang.text("title"))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(lang.text("title"))).append("</h1>\n")
                .append("<p>").append(escape(lang.text("intro"))).append("</p>\n<dl>\n")
                .append("<dt>").append(escape(lang.text("family"))).append("</dt><dd>")
                .append(escape(report.familyId().toString())).append("</dd>\n")
                .append("<dt>").append(escape(lang.text("produced"))).append("</dt><dd>")
                .append(escape(time(report.producedAt()))).append("</dd>\n</dl>\n");
        if (report.erased()) {
            html.append("<p>").append(escape(lang.text("erased"))).append("</p>\n");
        }
        if (report.rows().isEmpty()) {
            html.append("<p>").append(escape(lang.text("none"))).append("</p>\n");
        } else {
            html.append("<table>\n<thead><tr>");
            for (String column : AccessReport.COLUMNS) {
                html.append("<th scope=\"col\">").append(escape(lang.text(column))).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (AccessReport.Row row : report.rows()) {
                html.append("<tr>");
                for (Object value : cells(row, lang).values()) {
                    html.append("<td>").append(escape(value == null ? "" : value.toString())).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    public static String csv(AccessReport report, ReportLanguage lang) {
        List<String> headers = AccessReport.COLUMNS.stream().map(lang::text).toList();
        List<Map<String, Object>> rows = report.rows().stream().map(row -> {
            Map<String, Object> byHeader = new LinkedHashMap<>();
            cells(row, lang).forEach((column, value) -> byHeader.put(lang.text(column), value));
            return byHeader;
        }).toList();
        return Csv.of(headers, rows);
    }

    private static Map<String, Object> cells(AccessReport.Row row, ReportLanguage lang) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("at", time(row.at()));
        cells.put("kind", lang.text(row.kind().name()));
        cells.put("agency", row.agency());
        cells.put("worker", row.worker());
        cells.put("what", row.what());
        cells.put("basis", row.basis());
        cells.put("outcome", lang.text(row.outcome().name()));
        cells.put("toAgency", row.toAgency());
        cells.put("referral", row.referralId() == null ? null : row.referralId().toString());
        return cells;
    }

    static String time(Instant at) {
        return TIME.format(at.atZone(ZONE).withNano(0));
    }

    static String escape(String text) {
        return HtmlPages.escape(text);
    }

    private static String sha256(String text) {
        return HtmlPages.styleHash(text);
    }
}
