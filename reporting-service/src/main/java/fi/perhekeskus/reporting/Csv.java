package fi.perhekeskus.reporting;

import java.util.List;
import java.util.Map;

/** RFC 4180 CSV: a header row, then one line per row, fields quoted when they need it. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

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

    private static void line(StringBuilder csv, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
