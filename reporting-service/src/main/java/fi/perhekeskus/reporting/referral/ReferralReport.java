package fi.perhekeskus.reporting.referral;

import fi.perhekeskus.reporting.suppression.CountTable;
import fi.perhekeskus.reporting.suppression.Suppression;
import fi.perhekeskus.reporting.directory.AgencySummary;
import fi.perhekeskus.reporting.directory.DirectoryProjection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What happens to referrals, per receiving agency, service or month: counts of each step, of the
 * completed ones by outcome (goalMet, partlyMet, notMet, familyWithdrew add up to completed), of those
 * ever put on hold (onHold) and of those with a warm hand-over meeting (handovers), the
 * acceptance rate (accepted of those decided: accepted, declined or redirected), median hours from
 * made to received and to accepted, and the traffic-light mix of need levels.
 */
@Component
public class ReferralReport {

    public enum GroupBy { AGENCY, SERVICE, MONTH }

    public static final List<String> COLUMNS = List.of("group", "label", "made", "received", "accepted", "declined",
            "redirected", "completed", "cancelled", "escalated", "goalMet", "partlyMet", "notMet", "familyWithdrew",
            "onHold", "handovers", "acceptanceRate", "medianHoursToReceive", "medianHoursToAccept", "needGreen",
            "needYellow", "needRed");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final ReferralFlowProjection referrals;
    private final DirectoryProjection directory;

    public ReferralReport(ReferralFlowProjection referrals, DirectoryProjection directory) {
        this.referrals = referrals;
        this.directory = directory;
    }

    public List<ReferralReportResponse> report(String municipality, Instant from, Instant to, GroupBy groupBy,
                                            Suppression suppression) {
        Map<String, String> labels = labels(groupBy);
        Function<Document, String> key = switch (groupBy) {
            case AGENCY -> d -> d.getString("receiverAgencyId");
            case SERVICE -> d -> d.getString("serviceId");
            case MONTH -> d -> MONTH.format(d.getDate("madeAt").toInstant());
        };
        Map<String, List<Document>> groups = referrals.made(municipality, from, to).stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<ReferralReportResponse> rows = new ArrayList<>();
        groups.forEach((group, docs) -> rows.add(row(group, labels.getOrDefault(group, group), docs, suppression)));
        return rows;
    }

    private ReferralReportResponse row(String group, String label, List<Document> docs, Suppression s) {
        long made = docs.size();
        long received = count(docs, "receivedAt");
        long accepted = count(docs, "acceptedAt");
        long declined = count(docs, "declinedAt");
        long redirected = count(docs, "redirectedAt");
        long completed = count(docs, "completedAt");
        long cancelled = count(docs, "cancelledAt");
        long escalated = docs.stream().filter(d -> !d.getList("escalations", String.class, List.of()).isEmpty()).count();
        long decided = accepted + declined + redirected;
        // A row's need levels partition its referrals (every referral has one). Nothing else adds up:
        // a referral can be both accepted and later redirected, and no column has a total.
        CountTable.Shown c = s.table()
                .count("made", made).count("received", received).count("accepted", accepted)
                .count("declined", declined).count("redirected", redirected).count("completed", completed)
                .count("cancelled", cancelled).count("escalated", escalated)
                .count("needGreen", level(docs, "GREEN")).count("needYellow", level(docs, "YELLOW"))
                .count("needRed", level(docs, "RED"))
                .count("goalMet", outcome(docs, "GOAL_MET")).count("partlyMet", outcome(docs, "PARTLY_MET"))
                .count("notMet", outcome(docs, "NOT_MET")).count("familyWithdrew", outcome(docs, "FAMILY_WITHDREW"))
                .count("onHold", count(docs, "heldAt")).count("handovers", count(docs, "handoverAt"))
                .sum("made", "needGreen", "needYellow", "needRed")
                // Every completed referral has exactly one outcome: the outcomes partition completed.
                .sum("completed", "goalMet", "partlyMet", "notMet", "familyWithdrew")
                .shown();
        // The rate with accepted shown gives the decided total: with declined or redirected shown too,
        // it would give the other. So it needs all three.
        return new ReferralReportResponse(group, label, c.count("made"), c.count("received"), c.count("accepted"),
                c.count("declined"), c.count("redirected"), c.count("completed"), c.count("cancelled"),
                c.count("escalated"), c.count("goalMet"), c.count("partlyMet"), c.count("notMet"),
                c.count("familyWithdrew"), c.count("onHold"), c.count("handovers"),
                c.derived(decided == 0 ? null : round(accepted / (double) decided), "accepted", "declined", "redirected"),
                c.derived(medianHours(docs, "receivedAt"), "received"),
                c.derived(medianHours(docs, "acceptedAt"), "accepted"),
                c.count("needGreen"), c.count("needYellow"), c.count("needRed"));
    }

    private Map<String, String> labels(GroupBy groupBy) {
        return switch (groupBy) {
            case AGENCY -> directory.agencies().stream()
                    .collect(Collectors.toMap(a -> a.id().toString(), AgencySummary::name, (a, b) -> a));
            case SERVICE -> directory.serviceNames();
            case MONTH -> Map.of();
        };
    }

    private static long count(List<Document> docs, String field) {
        return docs.stream().filter(d -> d.get(field) != null).count();
    }

    private static long outcome(List<Document> docs, String outcome) {
        return docs.stream().filter(d -> d.get("completedAt") != null && outcome.equals(d.getString("outcome"))).count();
    }

    private static long level(List<Document> docs, String level) {
        return docs.stream().filter(d -> level.equals(d.getString("needLevel"))).count();
    }

    static Double medianHours(List<Document> docs, String field) {
        List<Double> hours = docs.stream().filter(d -> d.get(field) != null)
                .map(d -> Duration.between(d.getDate("madeAt").toInstant(), ((Date) d.get(field)).toInstant())
                        .toSeconds() / 3600.0)
                .sorted().toList();
        if (hours.isEmpty()) {
            return null;
        }
        int middle = hours.size() / 2;
        double median = hours.size() % 2 == 1 ? hours.get(middle) : (hours.get(middle - 1) + hours.get(middle)) / 2;
        return round(median);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
