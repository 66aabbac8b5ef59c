package fi.perhekeskus.reporting.programme;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.reporting.Suppression;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A programme's reach against plan, attendance per session and feedback per question, as counts and
 * whole percents (API.md). Fathers are the fathers counted at the session.
 */
@Component
public class ProgrammeReport {

    public static final List<String> QUESTIONS = List.of("timingSuited", "contentMetNeeds", "infoMatchedChildAge");
    public static final List<String> ANSWERS = List.of("YES", "PARTLY", "NO");
    public static final List<String> OVERVIEW_COLUMNS = List.of("programmeId", "name", "year", "plannedFamilies",
            "enrolledFamilies", "reachRate");

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
            row.put("plannedFamilies", s.count(planned));
            row.put("enrolledFamilies", s.count(enrolled));
            row.put("reachRate", s.derived(planned == 0 ? null : Math.round(enrolled * 100.0 / planned) / 100.0,
                    planned, enrolled));
            rows.add(row);
        }
        rows.sort(java.util.Comparator.comparing(r -> String.valueOf(r.get("name"))));
        return rows;
    }

    public Map<String, Object> report(UUID programmeId, Suppression s) {
        Document d = programmes.programme(programmeId).orElseThrow(() -> new UnknownException("no such programme"));
        int planned = d.getInteger("plannedFamilies", 0);
        int enrolled = d.getInteger("enrolledFamilies", 0);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("programmeId", programmeId);
        report.put("name", d.getString("name"));
        report.put("plannedFamilies", s.count(planned));
        report.put("enrolledFamilies", s.count(enrolled));
        report.put("reachRate", s.derived(planned == 0 ? null : Math.round(enrolled * 100.0 / planned) / 100.0,
                planned, enrolled));
        Document sessionFacts = d.get("sessions", Document.class);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Document planItem : d.getList("sessionPlan", Document.class)) {
            String id = planItem.getString("sessionId");
            Document facts = sessionFacts == null ? null : sessionFacts.get(id, Document.class);
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("sessionId", id);
            session.put("startsAt", planItem.getDate("startsAt").toInstant());
            session.put("held", facts != null && facts.getBoolean("held", false));
            session.put("families", s.count(facts == null ? 0 : facts.getInteger("families", 0)));
            session.put("fathers", s.count(facts == null ? 0 : facts.getInteger("fathers", 0)));
            session.put("children", s.count(facts == null ? 0 : facts.getInteger("children", 0)));
            sessions.add(session);
        }
        report.put("sessions", sessions);
        Document feedback = d.get("feedback", Document.class);
        Map<String, Object> questions = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            Document answers = feedback == null ? null : feedback.get(question, Document.class);
            long responses = 0;
            for (String answer : ANSWERS) {
                responses += answers == null ? 0 : answers.getInteger(answer, 0);
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("responses", s.count(responses));
            for (String answer : ANSWERS) {
                long count = answers == null ? 0 : answers.getInteger(answer, 0);
                Map<String, Object> share = new LinkedHashMap<>();
                share.put("count", s.count(count));
                share.put("percent", s.derived(responses == 0 ? null : (int) Math.round(count * 100.0 / responses),
                        count, responses));
                q.put(answer, share);
            }
            questions.put(question, q);
        }
        report.put("feedback", questions);
        return report;
    }
}
