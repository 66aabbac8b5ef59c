package fi.perhekeskus.reporting;

import fi.perhekeskus.reporting.directory.AgencySummary;
import fi.perhekeskus.reporting.directory.DirectoryProjection;
import fi.perhekeskus.reporting.gathering.GatheringProjection;
import fi.perhekeskus.reporting.plan.ProgrammePlanProjection;
import fi.perhekeskus.reporting.programme.ProgrammeProjection;
import fi.perhekeskus.reporting.referral.ReferralFlowProjection;
import fi.perhekeskus.reporting.suppression.CountTable;
import fi.perhekeskus.reporting.suppression.Suppression;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The yearly scorecard (tuloskortti) of one organizer: its agencies' referrals (made and received),
 * the group programmes they run (reach against plan, attendance), the network meetings they took
 * part in, the network's open-place visits of the year, and per group service the year's plan
 * (meeting-service's ProgrammesPlanned) against the series scheduled and held and the families enrolled.
 */
@Component
public class Scorecard {

    public static final List<String> COLUMNS = List.of("organizer", "year", "agencies", "referralsMade",
            "referralsReceived", "referralsAccepted", "referralsCompleted", "referralsEscalated", "acceptanceRate",
            "medianHoursToAccept", "programmes", "plannedFamilies", "enrolledFamilies", "reachRate", "sessionsHeld",
            "fathersAtSessions", "networkMeetings", "openPlaceFamilies", "openPlaceAdults", "openPlaceChildren");

    private final DirectoryProjection directory;
    private final ReferralFlowProjection referrals;
    private final ProgrammeProjection programmes;
    private final GatheringProjection gatherings;
    private final ProgrammePlanProjection plans;

    public Scorecard(DirectoryProjection directory, ReferralFlowProjection referrals, ProgrammeProjection programmes,
                     GatheringProjection gatherings, ProgrammePlanProjection plans) {
        this.directory = directory;
        this.referrals = referrals;
        this.programmes = programmes;
        this.gatherings = gatherings;
        this.plans = plans;
    }

    public ScorecardResponse of(String organizer, int year, Suppression s) {
        Set<String> agencies = directory.agencies().stream()
                .filter(a -> organizer == null || organizer.equals(a.organizerName()))
                .map(a -> a.id().toString()).collect(Collectors.toSet());
        var start = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        var end = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Document> ofYear = referrals.made(null, start, end);
        List<Document> made = ofYear.stream().filter(d -> agencies.contains(d.getString("senderAgencyId"))).toList();
        List<Document> received = ofYear.stream().filter(d -> agencies.contains(d.getString("receiverAgencyId"))).toList();
        long accepted = received.stream().filter(d -> d.get("acceptedAt") != null).count();
        long decided = received.stream().filter(d -> d.get("acceptedAt") != null || d.get("declinedAt") != null
                || d.get("redirectedAt") != null).count();
        List<Double> hours = received.stream().filter(d -> d.get("acceptedAt") != null)
                .map(d -> (d.getDate("acceptedAt").getTime() - d.getDate("madeAt").getTime()) / 3_600_000.0)
                .sorted().toList();
        List<Document> runs = programmes.all().stream()
                .filter(p -> p.getInteger("year", 0) == year)
                .filter(p -> p.getList("agencyIds", String.class).stream().anyMatch(agencies::contains)).toList();
        long planned = runs.stream().mapToLong(p -> p.getInteger("plannedFamilies", 0)).sum();
        long enrolled = runs.stream().mapToLong(p -> p.getInteger("enrolledFamilies", 0)).sum();
        long held = 0;
        long fathers = 0;
        for (Document p : runs) {
            Document sessions = p.get("sessions", Document.class);
            if (sessions != null) {
                for (Object session : sessions.values()) {
                    Document facts = (Document) session;
                    if (facts.getBoolean("held", false)) {
                        held++;
                        fathers += facts.getInteger("fathers", 0);
                    }
                }
            }
        }
        long meetings = gatherings.meetings().stream().filter(m -> m.getInteger("year", 0) == year)
                .filter(m -> m.getList("agencyIds", String.class).stream().anyMatch(agencies::contains)).count();
        long[] visits = new long[3];
        for (Document place : gatherings.places()) {
            Document y = place.get("years", Document.class) == null ? null
                    : place.get("years", Document.class).get(String.valueOf(year), Document.class);
            if (y != null) {
                visits[0] += y.getInteger("families", 0);
                visits[1] += y.getInteger("adults", 0);
                visits[2] += y.getInteger("children", 0);
            }
        }
        // The scorecard's totals do not add up to each other (made and received are of different
        // agencies' referrals; adults and children are not families); only the plan's services partition
        // enrolledFamilies (declared below). The decided referrals behind the acceptance rate are not
        // shown, but the rate needs them not small. The plan's own figures (series and families planned)
        // are targets a coordinator set, not counts of families: they are shown as they are.
        CountTable table = s.table()
                .count("referralsMade", made.size()).count("referralsReceived", received.size())
                .count("referralsAccepted", accepted)
                .count("referralsCompleted", received.stream().filter(d -> d.get("completedAt") != null).count())
                .count("referralsEscalated", received.stream()
                        .filter(d -> !d.getList("escalations", String.class, List.of()).isEmpty()).count())
                .basis("referralsDecided", decided)
                .count("plannedFamilies", planned).count("enrolledFamilies", enrolled)
                .count("fathersAtSessions", fathers).count("networkMeetings", meetings)
                .count("openPlaceFamilies", visits[0]).count("openPlaceAdults", visits[1])
                .count("openPlaceChildren", visits[2]);
        List<PlanRow> planRows = planRows(organizer, agencies, year, runs);
        // The services' enrolled families partition the programmes' enrolled families.
        for (PlanRow row : planRows) {
            table.count(row.cell(), row.enrolled());
        }
        if (!planRows.isEmpty()) {
            table.sum("enrolledFamilies", planRows.stream().map(PlanRow::cell).toArray(String[]::new));
        }
        CountTable.Shown c = table.shown();
        Map<String, String> names = directory.serviceNames();
        List<ScorecardResponse.ServiceYear> plan = planRows.stream().map(row -> new ScorecardResponse.ServiceYear(
                row.serviceId(), names.get(row.serviceId().toString()), year,
                row.plan() == null ? null : row.plan().plannedSeries(),
                row.plan() == null ? null : row.plan().plannedFamiliesPerSeries(),
                row.plan() == null ? null : row.plan().plannedSeries() * row.plan().plannedFamiliesPerSeries(),
                row.scheduled(), row.held(), c.count(row.cell()))).toList();
        return new ScorecardResponse(organizer == null ? "all" : organizer, year, agencies.size(),
                c.count("referralsMade"), c.count("referralsReceived"), c.count("referralsAccepted"),
                c.count("referralsCompleted"), c.count("referralsEscalated"),
                c.derived(decided == 0 ? null : Math.round(accepted * 100.0 / decided) / 100.0,
                        "referralsAccepted", "referralsDecided"),
                c.derived(hours.isEmpty() ? null : Math.round(median(hours) * 100) / 100.0, "referralsAccepted"),
                runs.size(), c.count("plannedFamilies"), c.count("enrolledFamilies"),
                c.derived(planned == 0 ? null : Math.round(enrolled * 100.0 / planned) / 100.0,
                        "plannedFamilies", "enrolledFamilies"),
                held, c.count("fathersAtSessions"), c.count("networkMeetings"), c.count("openPlaceFamilies"),
                c.count("openPlaceAdults"), c.count("openPlaceChildren"), plan);
    }

    /** A service's year before suppression: its plan (or none), its series scheduled and held, families enrolled. */
    private record PlanRow(UUID serviceId, ProgrammePlanProjection.ServicePlan plan, int scheduled, int held,
                           long enrolled) {
        String cell() {
            return "plan." + serviceId + ".enrolledFamilies";
        }
    }

    /**
     * Every service of the organizer's agencies (all services, for all organizers) planned for the
     * year, and every service of the year's programmes counted on the card, in order of service name.
     */
    private List<PlanRow> planRows(String organizer, Set<String> agencies, int year, List<Document> runs) {
        Map<String, String> serviceAgencies = directory.serviceAgencies();
        Map<String, ProgrammePlanProjection.ServicePlan> planned = new HashMap<>();
        for (ProgrammePlanProjection.ServicePlan p : plans.ofYear(year)) {
            String service = p.serviceId().toString();
            if (organizer == null || agencies.contains(serviceAgencies.get(service))) {
                planned.put(service, p);
            }
        }
        Map<String, List<Document>> byService = runs.stream()
                .collect(Collectors.groupingBy(p -> p.getString("serviceId"), TreeMap::new, Collectors.toList()));
        Set<String> services = new TreeSet<>(planned.keySet());
        services.addAll(byService.keySet());
        Map<String, String> names = directory.serviceNames();
        List<PlanRow> rows = new ArrayList<>();
        for (String service : services) {
            List<Document> series = byService.getOrDefault(service, List.of());
            int held = (int) series.stream().filter(Scorecard::anySessionHeld).count();
            long enrolled = series.stream().mapToLong(p -> p.getInteger("enrolledFamilies", 0)).sum();
            rows.add(new PlanRow(UUID.fromString(service), planned.get(service), series.size(), held, enrolled));
        }
        rows.sort(Comparator.comparing((PlanRow r) -> names.getOrDefault(r.serviceId().toString(), "\uffff"))
                .thenComparing(r -> r.serviceId().toString()));
        return rows;
    }

    private static boolean anySessionHeld(Document programme) {
        Document sessions = programme.get("sessions", Document.class);
        return sessions != null && sessions.values().stream()
                .anyMatch(facts -> facts instanceof Document d && d.getBoolean("held", false));
    }

    private static double median(List<Double> sorted) {
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

}
