package fi.perhekeskus.reporting.programme;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.reporting.suppression.CountTable;
import fi.perhekeskus.reporting.suppression.Suppression;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A programme's reach against plan, attendance per session and feedback per question, as counts and
 * whole percents (docs/contract.md). A session's fathers are the fathers counted at it; {@code fathersReached} counts
 * distinct families that came with a father to any session.
 */
@Component
public class ProgrammeReport {

    public static final List<String> QUESTIONS = List.of("timingSuited", "contentMetNeeds", "infoMatchedChildAge");
    public static final List<String> ANSWERS = List.of("YES", "PARTLY", "NO");
    public static final List<String> OVERVIEW_COLUMNS = List.of("programmeId", "name", "year", "plannedFamilies",
            "enrolledFamilies", "reachRate");
    /** Counted per session; they do not add up to each other (a family brings fathers and children). */
    static final List<String> SESSION_COUNTS = List.of("families", "fathers", "children");

    private final ProgrammeProjection programmes;

    public ProgrammeReport(ProgrammeProjection programmes) {
        this.programmes = programmes;
    }

    public List<Map<String, Object>> overview(Suppression s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document d : programmes.all()) {
            int planned = d.getInteger("plannedFamilies", 0);
            int enrolled = d.getInteger("enrolledFamilies", 0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("programmeId", d.getString("_id"));
            row.put("name", d.getString("name"));
            row.put("year", d.getInteger("year"));
            // A row has no relation between its counts; the rate needs both of them.
            CountTable.Shown c = s.table().count("plannedFamilies", planned).count("enrolledFamilies", enrolled).shown();
            row.put("plannedFamilies", c.count("plannedFamilies"));
            row.put("enrolledFamilies", c.count("enrolledFamilies"));
            row.put("reachRate", c.derived(reachRate(planned, enrolled), "plannedFamilies", "enrolledFamilies"));
            rows.add(row);
        }
        rows.sort(java.util.Comparator.comparing(r -> String.valueOf(r.get("name"))));
        return rows;
    }

    public Map<String, Object> report(UUID programmeId, Suppression s) {
        Document d = programmes.programme(programmeId).orElseThrow(() -> new UnknownException("no such programme"));
        int planned = d.getInteger("plannedFamilies", 0);
        int enrolled = d.getInteger("enrolledFamilies", 0);
        Document sessionFacts = d.get("sessions", Document.class);
        Document feedback = d.get("feedback", Document.class);
        List<Document> plan = d.getList("sessionPlan", Document.class);
        CountTable table = s.table().count("plannedFamilies", planned).count("enrolledFamilies", enrolled)
                .count("fathersReached", fathersReached(sessionFacts));
        for (Document planItem : plan) {
            Document facts = sessionFacts == null ? null : sessionFacts.get(planItem.getString("sessionId"), Document.class);
            String id = planItem.getString("sessionId");
            for (String metric : SESSION_COUNTS) {
                table.count(id + "." + metric, facts == null ? 0 : facts.getInteger(metric, 0));
            }
        }
        // Per question the answers add up to the responses; and as every form answers every question,
        // the readers know the responses are the same for all three: declared, so that one question's
        // responses cannot stand in for another's.
        String previous = null;
        for (String question : QUESTIONS) {
            Document answers = feedback == null ? null : feedback.get(question, Document.class);
            long responses = 0;
            for (String answer : ANSWERS) {
                long count = answers == null ? 0 : answers.getInteger(answer, 0);
                table.count(question + "." + answer, count);
                responses += count;
            }
            table.count(question + ".responses", responses)
                    .sum(question + ".responses", ANSWERS.stream().map(a -> question + "." + a).toArray(String[]::new));
            if (previous != null && table.counts().get(previous).equals(responses)) {
                table.sum(previous, question + ".responses");
            }
            previous = question + ".responses";
        }
        CountTable.Shown c = table.shown();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("programmeId", programmeId);
        report.put("name", d.getString("name"));
        report.put("plannedFamilies", c.count("plannedFamilies"));
        report.put("enrolledFamilies", c.count("enrolledFamilies"));
        report.put("reachRate", c.derived(reachRate(planned, enrolled), "plannedFamilies", "enrolledFamilies"));
        report.put("fathersReached", c.count("fathersReached"));
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Document planItem : plan) {
            String id = planItem.getString("sessionId");
            Document facts = sessionFacts == null ? null : sessionFacts.get(id, Document.class);
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("sessionId", id);
            session.put("startsAt", planItem.getDate("startsAt").toInstant());
            session.put("held", facts != null && facts.getBoolean("held", false));
            for (String metric : SESSION_COUNTS) {
                session.put(metric, c.count(id + "." + metric));
            }
            sessions.add(session);
        }
        report.put("sessions", sessions);
        Map<String, Object> questions = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            long responses = table.counts().get(question + ".responses");
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("responses", c.count(question + ".responses"));
            for (String answer : ANSWERS) {
                long count = table.counts().get(question + "." + answer);
                Map<String, Object> share = new LinkedHashMap<>();
                share.put("count", c.count(question + "." + answer));
                share.put("percent", c.derived(responses == 0 ? null : (int) Math.round(count * 100.0 / responses),
                        question + "." + answer, question + ".responses"));
                q.put(answer, share);
            }
            questions.put(question, q);
        }
        report.put("feedback", questions);
        return report;
    }

    /** Distinct families that came with a father to at least one session, as attendance stands after corrections. */
    static long fathersReached(Document sessionFacts) {
        if (sessionFacts == null) {
            return 0;
        }
        java.util.Set<String> families = new java.util.HashSet<>();
        for (String session : sessionFacts.keySet()) {
            Document facts = sessionFacts.get(session, Document.class);
            List<String> withFather = facts.getList("fatherFamilies", String.class);
            if (withFather != null) {
                families.addAll(withFather);
            }
        }
        return families.size();
    }

    private static Double reachRate(int planned, int enrolled) {
        return planned == 0 ? null : Math.round(enrolled * 100.0 / planned) / 100.0;
    }
}
