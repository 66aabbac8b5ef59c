package fi.perhekeskus.referral.finder;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.referral.directory.Capacity;
import fi.perhekeskus.referral.directory.Offers;
import fi.perhekeskus.referral.directory.ServiceSummary;
import fi.perhekeskus.infra.web.HtmlPages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The finder as one server-rendered page: no script at all, a plain GET form, one style sheet from
 * this service. Every value from the directory is escaped. Only public descriptions are shown.
 */
final class FinderPage {

    /** Nothing runs; only this service's style sheet loads; the form goes back here. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    record Content(List<ServiceSummary> services, List<Offers.UpcomingGroup> groups, List<Offers.OpenPlace> places,
                   SortedSet<String> municipalities, SortedSet<String> languages) {
    }

    private FinderPage() {
    }

    static String html(FinderLanguage lang, FinderQuery query, Content content) {
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(lang.text("title"))).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/finder/finder.css\">\n</head>\n<body>\n");
        h.append("<header>\n<nav aria-label=\"").append(e(lang.text("languages"))).append("\">\n<ul class=\"langs\">");
        for (FinderLanguage other : FinderLanguage.values()) {
            Map<String, String> p = new java.util.LinkedHashMap<>(query.parameters());
            p.put("lang", other.tag());
            h.append("<li><a href=\"/?").append(e(queryString(p))).append("\" hreflang=\"").append(other.tag())
                    .append("\" lang=\"").append(other.tag()).append('"');
            if (other == lang) {
                h.append(" aria-current=\"true\"");
            }
            h.append('>').append(e(other.languageName(other.tag()))).append("</a></li>");
        }
        h.append("</ul>\n</nav>\n<h1>").append(e(lang.text("title"))).append("</h1>\n<p>")
                .append(e(lang.text("intro"))).append("</p>\n</header>\n<main>\n");
        form(h, lang, query, content);
        services(h, lang, content.services());
        groups(h, lang, content.groups());
        places(h, lang, content.places());
        return h.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void form(StringBuilder h, FinderLanguage lang, FinderQuery q, Content content) {
        h.append("<form method=\"get\" action=\"/\" role=\"search\" aria-labelledby=\"filters\">\n")
                .append("<h2 id=\"filters\">").append(e(lang.text("filters"))).append("</h2>\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(lang.tag()).append("\">\n")
                .append("<div class=\"fields\">\n");
        select(h, "municipality", lang.text("municipality"), lang.text("any"), q.municipality(),
                content.municipalities().stream().collect(Collectors.toMap(m -> m, m -> m, (a, b) -> a,
                        java.util.LinkedHashMap::new)));
        Map<String, String> ages = new java.util.LinkedHashMap<>();
        ages.put("0", lang.text("under1"));
        for (int years = 1; years <= FinderQuery.MAX_AGE_YEARS; years++) {
            ages.put(Integer.toString(years), years + " " + lang.text("years"));
        }
        select(h, "age", lang.text("age"), lang.text("any"), q.ageYears() == null ? null : q.ageYears().toString(), ages);
        select(h, "language", lang.text("language"), lang.text("any"), q.language(), content.languages().stream()
                .collect(Collectors.toMap(t -> t, lang::languageName, (a, b) -> a, java.util.LinkedHashMap::new)));
        Map<String, String> needs = new java.util.LinkedHashMap<>();
        for (NeedLevel level : NeedLevel.values()) {
            needs.put(level.name(), lang.text(level.name()));
        }
        select(h, "need", lang.text("need"), lang.text("any"), q.need() == null ? null : q.need().name(), needs);
        h.append("</div>\n<button type=\"submit\">").append(e(lang.text("search"))).append("</button>\n</form>\n");
    }

    private static void select(StringBuilder h, String name, String label, String any, String chosen,
                               Map<String, String> options) {
        h.append("<div class=\"field\"><label for=\"").append(name).append("\">").append(e(label)).append("</label>")
                .append("<select id=\"").append(name).append("\" name=\"").append(name).append("\">")
                .append("<option value=\"\">").append(e(any)).append("</option>");
        options.forEach((value, text) -> {
            h.append("<option value=\"").append(e(value)).append('"');
            if (value.equals(chosen)) {
                h.append(" selected");
            }
            h.append('>').append(e(text)).append("</option>");
        });
        h.append("</select></div>\n");
    }

    private static void services(StringBuilder h, FinderLanguage lang, List<ServiceSummary> services) {
        h.append("<section aria-labelledby=\"services\">\n<h2 id=\"services\">").append(e(lang.text("services")))
                .append(" (").append(services.size()).append(")</h2>\n");
        if (services.isEmpty()) {
            h.append("<p>").append(e(lang.text("noServices"))).append("</p>\n");
        } else {
            h.append("<ul class=\"cards\">\n");
            for (ServiceSummary s : services) {
                h.append("<li class=\"card\"><h3>").append(e(s.name())).append("</h3>");
                if (s.agencyName() != null) {
                    h.append("<p class=\"agency\">").append(e(s.agencyName())).append("</p>");
                }
                h.append("<dl>");
                item(h, lang.text("capacity"), capacity(lang, s.capacity()));
                item(h, lang.text("need"), lang.text(s.needLevel().name()) + " · "
                        + lang.text(s.kind() == ServiceKind.OPEN ? "OPEN_KIND" : s.kind().name()));
                item(h, lang.text("age"), s.ageFromMonths() + "–" + s.ageToMonths() + " " + lang.text("months"));
                item(h, lang.text("inLanguages"), s.languages().stream().map(lang::languageName)
                        .collect(Collectors.joining(", ")));
                item(h, lang.text("where"), String.join(", ", s.municipalities()));
                h.append("</dl>");
                if (s.description() != null) {
                    h.append("<p>").append(e(s.description())).append("</p>");
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void groups(StringBuilder h, FinderLanguage lang, List<Offers.UpcomingGroup> groups) {
        h.append("<section aria-labelledby=\"groups\">\n<h2 id=\"groups\">").append(e(lang.text("groups")))
                .append("</h2>\n");
        if (groups.isEmpty()) {
            h.append("<p>").append(e(lang.text("noGroups"))).append("</p>\n");
        } else {
            h.append("<ul class=\"cards\">\n");
            for (Offers.UpcomingGroup g : groups) {
                h.append("<li class=\"card\"><h3>").append(e(g.name())).append("</h3><dl>");
                item(h, lang.text("starts"), day(g.startsAt()));
                if (g.location() != null) {
                    item(h, lang.text("address"), g.location());
                }
                item(h, lang.text("free"), Integer.toString(g.freePlaces()));
                item(h, lang.text("age"), g.ageFromMonths() + "–" + g.ageToMonths() + " " + lang.text("months"));
                h.append("</dl></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void places(StringBuilder h, FinderLanguage lang, List<Offers.OpenPlace> places) {
        h.append("<section aria-labelledby=\"places\">\n<h2 id=\"places\">").append(e(lang.text("places")))
                .append("</h2>\n");
        if (places.isEmpty()) {
            h.append("<p>").append(e(lang.text("noPlaces"))).append("</p>\n");
        } else {
            h.append("<ul class=\"cards\">\n");
            for (Offers.OpenPlace p : places) {
                h.append("<li class=\"card\"><h3>").append(e(p.name())).append("</h3><dl>");
                item(h, lang.text("address"), p.address() + ", " + p.municipality());
                item(h, lang.text("hours"), p.openingHours());
                h.append("</dl></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static String capacity(FinderLanguage lang, Capacity capacity) {
        String status = lang.text(capacity.status().name());
        return capacity.waitWeeks() == null ? status : status + ", " + String.format(lang.text("wait"), capacity.waitWeeks());
    }

    private static void item(StringBuilder h, String term, String value) {
        h.append("<div><dt>").append(e(term)).append("</dt><dd>").append(e(value)).append("</dd></div>");
    }

    private static String day(Instant at) {
        return DAY.format(at.atZone(ZONE));
    }

    private static String queryString(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String e(String text) {
        return HtmlPages.escape(text);
    }
}
