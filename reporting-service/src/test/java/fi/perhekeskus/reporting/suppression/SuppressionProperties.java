package fi.perhekeskus.reporting.suppression;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suppression against subtraction, checked by an independent reader ({@link Reader}) on random report
 * tables: rows that partition a total (the referral report's need levels, feedback answers) and
 * two-way tables with row, column and grand totals (the hardest shape a report could take).
 */
class SuppressionProperties {

    @Property(tries = 400)
    void noHiddenCountOfAPartitionCanBeWorkedOut(@ForAll("partitions") List<Integer> parts) {
        CountTable table = Suppression.forAnalyst(true).table();
        long total = 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            table.count("p" + i, parts.get(i));
            names.add("p" + i);
            total += parts.get(i);
        }
        table.count("total", total).sum("total", names.toArray(String[]::new));
        try {
            table.shown();
        } catch (IllegalStateException refused) {
            // Refused only when even hiding every non-zero count would not do: four ones add up to a
            // small total of 4, so each must be 1.
            assertRefusalIsJustified(table, refused);
            return;
        }
        assertProtected(table);
    }

    /** The case a random run found: four ones and their total of 4 can only be refused, never shown. */
    @Example
    void fourOnesAndTheirSmallTotalAreRefusedRatherThanDisclosed() {
        noHiddenCountOfAPartitionCanBeWorkedOut(List.of(1, 1, 1, 1));
    }

    @Property(tries = 150)
    void noHiddenCountOfATwoWayTableWithTotalsCanBeWorkedOut(@ForAll("grids") int[][] grid) {
        CountTable table = twoWay(grid);
        try {
            table.shown();
        } catch (IllegalStateException refused) {
            // Refused only when even hiding every non-zero count would not do: all ones in a 2x2 table
            // add up to a small total of 4, so each must be 1.
            assertRefusalIsJustified(table, refused);
            return;
        }
        assertProtected(table);
    }

    @Example
    void aTableThatNoSuppressionProtectsIsRefused() {
        CountTable table = twoWay(new int[][]{{1, 1}, {1, 1}});
        org.assertj.core.api.Assertions.assertThatThrownBy(table::shown).isInstanceOf(IllegalStateException.class);
    }

    @Property(tries = 100)
    void aCoordinatorSeesEveryCount(@ForAll("grids") int[][] grid) {
        CountTable table = twoWay(grid, Suppression.forAnalyst(false));
        CountTable.Shown shown = table.shown();
        table.counts().forEach((cell, value) -> assertThat(shown.count(cell).json()).isEqualTo(value));
    }

    @Example
    void madeSevenGreenNoneYellowFiveRedTwo() {
        CountTable table = referralRow(7, 0, 5, 2);
        CountTable.Shown shown = table.shown();
        assertThat(shown.count("needRed").json()).isEqualTo(Suppression.SMALL);
        assertThat(shown.count("needYellow").json()).isEqualTo(Suppression.WITHHELD);
        assertThat(shown.count("made").json()).isEqualTo(7L);
        assertThat(shown.count("needGreen").json()).isEqualTo(0L);
        assertProtected(table);
    }

    @Example
    void twoHiddenCellsThatPinEachOtherTakeTheTotalWithThem() {
        // red 1 hidden, yellow 5 withheld: yellow is at least 5 and red at least 1, so 6 = 5 + 1.
        CountTable table = referralRow(6, 0, 5, 1);
        CountTable.Shown shown = table.shown();
        assertThat(shown.count("made").json()).isEqualTo(Suppression.WITHHELD);
        assertThat(shown.count("needYellow").json()).isEqualTo(Suppression.WITHHELD);
        assertThat(shown.count("needRed").json()).isEqualTo(Suppression.SMALL);
        assertProtected(table);
    }

    @Example
    void aZeroBesideAHiddenCellStaysShown() {
        // 3 = 0 + 0 + 3: made and red are the same small count; the zeros reveal nothing.
        CountTable.Shown shown = referralRow(3, 0, 0, 3).shown();
        assertThat(shown.count("needGreen").json()).isEqualTo(0L);
        assertThat(shown.count("needYellow").json()).isEqualTo(0L);
        assertThat(shown.withheld()).isEmpty();
    }

    @Example
    void derivedFiguresNeedEveryCountTheyComeFrom() {
        CountTable.Shown shown = referralRow(7, 0, 5, 2).shown();
        assertThat(shown.derived(0.5, "made", "needGreen")).isEqualTo(0.5);
        assertThat(shown.derived(0.5, "made", "needYellow")).isNull();
        assertThat(shown.derived(0.5, "needRed")).isNull();
    }

    private static CountTable referralRow(long made, long green, long yellow, long red) {
        return Suppression.forAnalyst(true).table().count("made", made).count("needGreen", green)
                .count("needYellow", yellow).count("needRed", red).sum("made", "needGreen", "needYellow", "needRed");
    }

    static void assertProtected(CountTable table) {
        CountTable.Shown shown = table.shown();
        Map<String, Object> figures = new LinkedHashMap<>();
        table.counts().forEach((cell, value) -> figures.put(cell, shown.count(cell).json()));
        table.counts().forEach((cell, value) -> {
            if (Suppression.small(value)) {
                assertThat(figures.get(cell)).as(cell).isEqualTo(Suppression.SMALL);
            } else if (!Reader.isHidden(figures.get(cell))) {
                assertThat(figures.get(cell)).as(cell).isEqualTo(value);
            }
        });
        Reader reader = new Reader(figures, table.relations());
        assertThat(reader.admits(table.counts())).as("the truth is one of the reader's solutions").isTrue();
        assertThat(reader.singlyHidden()).as("relations with one hidden cell in %s", figures).isEmpty();
        assertThat(reader.derivable()).as("derivable cells of %s", figures).isEmpty();
    }

    static CountTable twoWay(int[][] grid) {
        return twoWay(grid, Suppression.forAnalyst(true));
    }

    static CountTable twoWay(int[][] grid, Suppression suppression) {
        CountTable table = suppression.table();
        int rows = grid.length;
        int cols = grid[0].length;
        long grand = 0;
        long[] colTotals = new long[cols];
        for (int r = 0; r < rows; r++) {
            long rowTotal = 0;
            for (int c = 0; c < cols; c++) {
                table.count("c" + r + c, grid[r][c]);
                rowTotal += grid[r][c];
                colTotals[c] += grid[r][c];
            }
            table.count("row" + r, rowTotal);
            grand += rowTotal;
        }
        for (int c = 0; c < cols; c++) {
            table.count("col" + c, colTotals[c]);
        }
        table.count("all", grand);
        for (int r = 0; r < rows; r++) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                parts.add("c" + r + c);
            }
            table.sum("row" + r, parts.toArray(String[]::new));
        }
        for (int c = 0; c < cols; c++) {
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                parts.add("c" + r + c);
            }
            table.sum("col" + c, parts.toArray(String[]::new));
        }
        List<String> rowNames = new ArrayList<>();
        List<String> colNames = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            rowNames.add("row" + r);
        }
        for (int c = 0; c < cols; c++) {
            colNames.add("col" + c);
        }
        table.sum("all", rowNames.toArray(String[]::new)).sum("all", colNames.toArray(String[]::new));
        return table;
    }

    /** Counts as reports have them: many zeros and small ones, some larger. */
    private static Arbitrary<Integer> count() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 4)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(5, 9)));
    }

    @Provide
    Arbitrary<List<Integer>> partitions() {
        return count().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<int[][]> grids() {
        return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 3))
                .flatAs((rows, cols) -> count().array(int[].class).ofSize(cols).array(int[][].class).ofSize(rows));
    }

    /** A refusal is right only when a reader could work out a count even with every non-zero one hidden. */
    private static void assertRefusalIsJustified(CountTable table, IllegalStateException refused) {
        Map<String, Object> everything = new LinkedHashMap<>();
        table.counts().forEach((cell, value) -> everything.put(cell,
                value == 0 ? 0L : Suppression.small(value) ? Suppression.SMALL : Suppression.WITHHELD));
        assertThat(new Reader(everything, table.relations()).derivable()).as(refused.getMessage()).isNotEmpty();
    }
}
