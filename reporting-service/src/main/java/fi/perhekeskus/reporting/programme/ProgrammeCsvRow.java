package fi.perhekeskus.reporting.programme;

/**
 * A line of a programme report's CSV: a metric, for a session or a question's answer where it is one
 * of theirs, its value (a count as its number or marker, or a rate) and a percent.
 */
public record ProgrammeCsvRow(String metric, String session, String question, String answer, Object value,
                              Integer percent) {

    public static final java.util.List<String> COLUMNS = java.util.List.of("metric", "session", "question", "answer",
            "value", "percent");

    static ProgrammeCsvRow metric(String metric, Object value) {
        return new ProgrammeCsvRow(metric, null, null, null, value, null);
    }
}
