package fi.perhekeskus.reporting;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV by RFC 4180, read back with an independent parser: any text survives the round trip, and no
 * text cell reaches a spreadsheet beginning with a formula character.
 */
class CsvProperties {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    @Property(tries = 500)
    void everyTextComesBackAsWrittenWithFormulasNeutralised(@ForAll("rows") List<List<String>> rows) {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < rows.get(0).size(); c++) {
            columns.add("c" + c);
        }
        List<List<Object>> fields = new ArrayList<>();
        for (List<String> row : rows) {
            fields.add(new ArrayList<>(row));
        }
        List<List<String>> read = parse(Csv.ofFields(columns, fields));
        assertThat(read.get(0)).isEqualTo(columns);
        assertThat(read).hasSize(rows.size() + 1);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                String written = rows.get(r).get(c);
                String cell = read.get(r + 1).get(c);
                boolean formula = !written.isEmpty() && FORMULA_STARTS.indexOf(written.charAt(0)) >= 0;
                assertThat(cell).isEqualTo(formula ? "'" + written : written);
                assertThat(cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
            }
        }
    }

    @Property(tries = 200)
    void numbersAreWrittenAsNumbersNegativeOnesIncluded(@ForAll long count, @ForAll double median) {
        assertThat(Csv.field(count)).isEqualTo(Long.toString(count));
        assertThat(Csv.field(median)).isEqualTo(Double.toString(median));
    }

    @Example
    void aNegativeNumberStaysANumberButTextThatLooksLikeOneIsPrefixed() {
        assertThat(Csv.field(-1.5)).isEqualTo("-1.5");
        assertThat(Csv.field("-1.5")).isEqualTo("'-1.5");
        assertThat(Csv.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Csv.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withChars("=+-@\t\r\n,\"' ab1").ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.of("=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1)", "+1", "-1", "", "\"", "a\r\nb"));
        return Arbitraries.integers().between(1, 4).flatMap(columns ->
                text.list().ofSize(columns).list().ofMinSize(1).ofMaxSize(5));
    }

    /** RFC 4180, read strictly: records end in CRLF; a quoted field may hold anything, quotes doubled. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    char ch = csv.charAt(i);
                    if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (ch == '"') {
                        i++;
                        break;
                    } else {
                        field.append(ch);
                        i++;
                    }
                }
            }
            while (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                char ch = csv.charAt(i++);
                if (ch == '"' || ch == '\n') {
                    throw new IllegalArgumentException("unquoted " + (int) ch + " in " + csv);
                }
                field.append(ch);
            }
            if (i < csv.length() && csv.charAt(i) == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else {
                if (!csv.startsWith("\r\n", i)) {
                    throw new IllegalArgumentException("a record must end in CRLF: " + csv);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            }
        }
        return records;
    }
}
