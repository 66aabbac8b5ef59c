package fi.perhekeskus.reporting;

import java.util.List;
import java.util.Map;

/** The reports' CSV: the platform's CSV writer ({@link fi.perhekeskus.infra.csv.Csv}), formula-safe (docs/contract.md). */
public final class Csv {

    public static final String MEDIA_TYPE = fi.perhekeskus.infra.csv.Csv.MEDIA_TYPE;

    private Csv() {
    }

    public static String of(List<String> columns, List<Map<String, Object>> rows) {
        return fi.perhekeskus.infra.csv.Csv.of(columns, rows);
    }

    static String field(Object value) {
        return fi.perhekeskus.infra.csv.Csv.field(value);
    }
}
