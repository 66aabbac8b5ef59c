package fi.perhekeskus.reporting.programme;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.reporting.directory.DirectoryProjection;
import fi.perhekeskus.reporting.suppression.CountTable;
import fi.perhekeskus.reporting.suppression.Suppression;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A programme's reach against plan, its invitation funnel, attendance and feedback per session and
 * feedback per question, as counts and whole percents (docs/contract.md), and for a coordinator which
 * agencies evaluated it. A session's fathers are the fathers counted at it; {@code fathersReached} counts
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
    private final DirectoryProjection directory;
    private final MeetingEvaluations texts;

    public ProgrammeReport(ProgrammeProjection programmes, DirectoryProjection directory, MeetingEvaluations texts) {
        this.texts = texts;
        this.programmes = programmes;
        this.directory = directory;
    }

    public List<ProgrammeSummary> overview(Suppression s) {
        List<ProgrammeSummary> rows = new ArrayList<>();
        for (Document d : programmes.all()) {
            int planned = d.getInteger("plannedFamilies", 0);
            int enrolled = d.getInteger("enrolledFamilies", 0);
            // A row has no relation between its counts; the rate needs both of them.
            CountTable.Shown c = s.table().count("plannedFamilies", planned).count("enrolledFamilies", enrolled).shown();
            rows.add(new ProgrammeSummary(d.getString("_id"), d.getString("name"), d.getInteger("year"),
                    c.count("plannedFamilies"), c.count("enrolledFamilies"),
                    c.derived(reachRate(planned, enrolled), "plannedFamilies", "enrolledFamilies")));
        }
        rows.sort(Comparator.comparing(r -> String.valueOf(r.name())));
        return rows;
    }

    /** The report; {@code evaluations} only for a coordinator. */
    /** @param authorization the coordinator's own bearer header, with which the evaluations' texts are asked for */
    public ProgrammeReportResponse report(UUID programmeId, Suppression s, boolean coordinator, String authorization) {
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
        countFeedback(table, "", feedback);
        // Per session the same, for a coordinator; and each answer's count in all is the sum of the
        // sessions' (when the sessions hold all of it: a view from before per-session feedback was kept
        // does not). An analyst does not get feedback per session: with up to 20 sessions the answers'
        // cells and their sums make the subtraction-proof check take seconds to a minute per report
        // (measured), so they are left out rather than shown unchecked.
        boolean perSession = coordinator;
        List<String> sessionPrefixes = new ArrayList<>();
        if (perSession) {
            for (Document planItem : plan) {
                String id = planItem.getString("sessionId");
                Document facts = sessionFacts == null ? null : sessionFacts.get(id, Document.class);
                countFeedback(table, id + ".feedback.", facts == null ? null : facts.get("feedback", Document.class));
                sessionPrefixes.add(id + ".feedback.");
            }
            Map<String, Long> counts = table.counts();
            for (String question : QUESTIONS) {
                for (String answer : Stream.concat(ANSWERS.stream(), Stream.of("responses")).toList()) {
                    String total = question + "." + answer;
                    String[] parts = sessionPrefixes.stream().map(p -> p + total).toArray(String[]::new);
                    long sum = Stream.of(parts).mapToLong(counts::get).sum();
                    if (parts.length > 0 && sum == counts.get(total)) {
                        table.sum(total, parts);
                    }
                }
            }
        }
        List<Document> invitations = programmes.invitations(programmeId);
        Set<String> invited = new HashSet<>();
        Set<String> answered = new HashSet<>();
        for (Document invitation : invitations) {
            invited.add(invitation.getString("familyId"));
            if (invitation.getBoolean("answered", false)) {
                answered.add(invitation.getString("familyId"));
            }
        }
        Set<String> present = new HashSet<>();
        if (sessionFacts != null) {
            for (String session : sessionFacts.keySet()) {
                Document facts = sessionFacts.get(session, Document.class);
                if (facts.getBoolean("held", false)) {
                    present.addAll(facts.getList("present", String.class, List.of()));
                }
            }
        }
        table.count("funnel.invited", invited.size())
                .count("funnel.answered", within(invited, answered))
                .count("funnel.enrolled", within(invited, d.getList("enrolled", String.class, List.of())))
                .count("funnel.attended", within(invited, present));
        CountTable.Shown c = table.shown();

        List<ProgrammeReportResponse.Session> sessions = new ArrayList<>();
        for (Document planItem : plan) {
            String id = planItem.getString("sessionId");
            Document facts = sessionFacts == null ? null : sessionFacts.get(id, Document.class);
            sessions.add(new ProgrammeReportResponse.Session(UUID.fromString(id), planItem.getDate("startsAt").toInstant(),
                    facts != null && facts.getBoolean("held", false),
                    c.count(id + ".families"), c.count(id + ".fathers"), c.count(id + ".children"),
                    perSession ? feedback(table, c, id + ".feedback.") : null));
        }
        ProgrammeReportResponse.Funnel funnel = new ProgrammeReportResponse.Funnel(c.count("funnel.invited"),
                c.count("funnel.answered"), c.count("funnel.enrolled"), c.count("funnel.attended"));
        List<ProgrammeReportResponse.Evaluation> evaluations = coordinator ? evaluations(programmeId, authorization)
                : null;
        ProgrammeReportResponse.EvaluationTexts shown = evaluations == null ? null
                : evaluations.stream().allMatch(e -> e.workedWell() != null)
                ? ProgrammeReportResponse.EvaluationTexts.SHOWN : ProgrammeReportResponse.EvaluationTexts.UNAVAILABLE;
        return new ProgrammeReportResponse(programmeId, d.getString("name"), c.count("plannedFamilies"),
                c.count("enrolledFamilies"),
                c.derived(reachRate(planned, enrolled), "plannedFamilies", "enrolledFamilies"),
                c.count("fathersReached"), funnel, sessions, feedback(table, c, ""),
                coordinator ? evaluations : null, coordinator ? shown : null);
    }

    private static long within(Set<String> invited, java.util.Collection<String> families) {
        return families.stream().distinct().filter(invited::contains).count();
    }

    private List<ProgrammeReportResponse.Evaluation> evaluations(UUID programmeId, String authorization) {
        List<Document> given = programmes.evaluations(programmeId);
        if (given.isEmpty()) {
            return List.of();
        }
        Map<UUID, MeetingEvaluations.Texts> opened = texts.of(programmeId, authorization).orElse(Map.of());
        Map<String, String> names = new HashMap<>();
        directory.agencies().forEach(a -> names.put(a.id().toString(), a.name()));
        List<ProgrammeReportResponse.Evaluation> evaluations = new ArrayList<>();
        for (Document evaluation : given) {
            String agency = evaluation.getString("agencyId");
            MeetingEvaluations.Texts text = opened.get(UUID.fromString(agency));
            evaluations.add(new ProgrammeReportResponse.Evaluation(UUID.fromString(agency), names.get(agency),
                    evaluation.getDate("evaluatedAt").toInstant(), text == null ? null : text.workedWell(),
                    text == null ? null : text.toDevelop(), text == null ? null : text.proposals()));
        }
        evaluations.sort(Comparator.comparing(ProgrammeReportResponse.Evaluation::evaluatedAt)
                .thenComparing(e -> e.agencyId().toString()));
        return evaluations;
    }

    /** The report as CSV lines: metric, session, question, answer, value, percent. */
    public static List<ProgrammeCsvRow> csv(ProgrammeReportResponse report) {
        List<ProgrammeCsvRow> rows = new ArrayList<>();
        rows.add(ProgrammeCsvRow.metric("plannedFamilies", report.plannedFamilies()));
        rows.add(ProgrammeCsvRow.metric("enrolledFamilies", report.enrolledFamilies()));
        rows.add(ProgrammeCsvRow.metric("reachRate", report.reachRate()));
        for (ProgrammeReportResponse.Session session : report.sessions()) {
            String id = session.sessionId().toString();
            rows.add(new ProgrammeCsvRow("held", id, null, null, session.held(), null));
            rows.add(new ProgrammeCsvRow("families", id, null, null, session.families(), null));
            rows.add(new ProgrammeCsvRow("fathers", id, null, null, session.fathers(), null));
            rows.add(new ProgrammeCsvRow("children", id, null, null, session.children(), null));
        }
        feedbackRows(rows, "responses", "feedback", null, report.feedback());
        ProgrammeReportResponse.Funnel funnel = report.funnel();
        rows.add(ProgrammeCsvRow.metric("funnel.invited", funnel.invited()));
        rows.add(ProgrammeCsvRow.metric("funnel.answered", funnel.answered()));
        rows.add(ProgrammeCsvRow.metric("funnel.enrolled", funnel.enrolled()));
        rows.add(ProgrammeCsvRow.metric("funnel.attended", funnel.attended()));
        for (ProgrammeReportResponse.Session session : report.sessions()) {
            if (session.feedback() != null) {
                feedbackRows(rows, "sessionResponses", "sessionFeedback", session.sessionId().toString(),
                        session.feedback());
            }
        }
        return rows;
    }

    static void feedbackRows(List<ProgrammeCsvRow> rows, String responsesMetric, String answerMetric, String session,
                             ProgrammeReportResponse.Feedback feedback) {
        for (String question : QUESTIONS) {
            ProgrammeReportResponse.Question answers = question(feedback, question);
            rows.add(new ProgrammeCsvRow(responsesMetric, session, question, null, answers.responses(), null));
            for (String answer : ANSWERS) {
                ProgrammeReportResponse.Share share = share(answers, answer);
                rows.add(new ProgrammeCsvRow(answerMetric, session, question, answer, share.count(), share.percent()));
            }
        }
    }

    private static ProgrammeReportResponse.Question question(ProgrammeReportResponse.Feedback feedback, String question) {
        return switch (question) {
            case "timingSuited" -> feedback.timingSuited();
            case "contentMetNeeds" -> feedback.contentMetNeeds();
            case "infoMatchedChildAge" -> feedback.infoMatchedChildAge();
            default -> throw new IllegalArgumentException(question);
        };
    }

    private static ProgrammeReportResponse.Share share(ProgrammeReportResponse.Question question, String answer) {
        return switch (answer) {
            case "YES" -> question.yes();
            case "PARTLY" -> question.partly();
            case "NO" -> question.no();
            default -> throw new IllegalArgumentException(answer);
        };
    }

    /**
     * Declares the feedback counts under {@code prefix}: per question the answers add up to the
     * responses, and the responses of the questions are equal (every form answers all three).
     */
    static void countFeedback(CountTable table, String prefix, Document feedback) {
        String previous = null;
        for (String question : QUESTIONS) {
            Document answers = feedback == null ? null : feedback.get(question, Document.class);
            long responses = 0;
            for (String answer : ANSWERS) {
                long count = answers == null ? 0 : answers.getInteger(answer, 0);
                table.count(prefix + question + "." + answer, count);
                responses += count;
            }
            table.count(prefix + question + ".responses", responses)
                    .sum(prefix + question + ".responses",
                            ANSWERS.stream().map(a -> prefix + question + "." + a).toArray(String[]::new));
            if (previous != null && table.counts().get(previous).equals(responses)) {
                table.sum(previous, prefix + question + ".responses");
            }
            previous = prefix + question + ".responses";
        }
    }

    static ProgrammeReportResponse.Feedback feedback(CountTable table, CountTable.Shown c, String prefix) {
        List<ProgrammeReportResponse.Question> questions = new ArrayList<>();
        Map<String, Long> counts = table.counts();
        for (String question : QUESTIONS) {
            String q = prefix + question;
            long responses = counts.get(q + ".responses");
            List<ProgrammeReportResponse.Share> shares = new ArrayList<>();
            for (String answer : ANSWERS) {
                long count = counts.get(q + "." + answer);
                shares.add(new ProgrammeReportResponse.Share(c.count(q + "." + answer),
                        c.derived(responses == 0 ? null : (int) Math.round(count * 100.0 / responses),
                                q + "." + answer, q + ".responses")));
            }
            questions.add(new ProgrammeReportResponse.Question(c.count(q + ".responses"), shares.get(0), shares.get(1),
                    shares.get(2)));
        }
        return new ProgrammeReportResponse.Feedback(questions.get(0), questions.get(1), questions.get(2));
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
