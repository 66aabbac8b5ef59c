package fi.perhekeskus.infra.csv;

import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV: a header row, then one line per row (CRLF), a field quoted when it holds a comma, a
 * quote, CR or LF, its quotes doubled. A text field that a spreadsheet would read as a formula (it
 * begins with =, +, -, @, tab or CR) is prefixed with ' so that it stays text (docs/contract.md).
 * <p>
 * Numbers are written as they are, a negative one included: a number the service computed is a
 * numeric literal, which a spreadsheet reads as that number and cannot turn into a formula, and a
 * prefixed one would become text. Counts are never negative; a median of hours could be (clock skew
 * between the sending and receiving systems). Anything else is text, so a name "-5" is prefixed.
 * Shared by every CSV the platform serves (reports, a family's access report).
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    public static String of(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, columns.stream().map(c -> (Object) c).toList());
        for (Map<String, Object> row : rows) {
            line(csv, columns.stream().map(row::get).toList());
        }
        return csv.toString();
    }

    /** One CSV line of {@code fields}, each made formula-safe, ended with CRLF. */
    public static void line(StringBuilder csv, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
