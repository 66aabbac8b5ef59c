package fi.perhekeskus.reporting;

import fi.perhekeskus.reporting.suppression.Count;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports' CSV: a header of the named columns, then one line per row, each field written by the
 * platform's CSV writer ({@link fi.perhekeskus.infra.csv.Csv#field}), formula-safe (docs/contract.md).
 * A row is a typed record; each column is the record component of that name (a {@link Count} as its
 * number or marker, an absent figure empty).
 */
public final class Csv {

    public static final String MEDIA_TYPE = fi.perhekeskus.infra.csv.Csv.MEDIA_TYPE;

    private Csv() {
    }

    public static <R extends Record> String of(List<String> columns, List<R> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(columns));
        for (R row : rows) {
            List<Object> fields = new ArrayList<>(columns.size());
            for (String column : columns) {
                fields.add(value(row, column));
            }
            line(csv, fields);
        }
        return csv.toString();
    }

    /** Rows given as their fields, in the order of the columns. */
    public static String ofFields(List<String> columns, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(columns));
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " fields for " + columns.size() + " columns");
            }
            line(csv, row.stream().map(Csv::plain).toList());
        }
        return csv.toString();
    }

    private static Object value(Record row, String column) {
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            if (component.getName().equals(column)) {
                try {
                    return plain(component.getAccessor().invoke(row));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + column + " of " + row.getClass().getSimpleName(), e);
                }
            }
        }
        throw new IllegalArgumentException(row.getClass().getSimpleName() + " has no column " + column);
    }

    private static Object plain(Object value) {
        return value instanceof Count count ? count.json() : value;
    }

    private static void line(StringBuilder csv, List<Object> fields) {
        fi.perhekeskus.infra.csv.Csv.line(csv, fields);
    }

    static String field(Object value) {
        return fi.perhekeskus.infra.csv.Csv.field(value);
    }
}
