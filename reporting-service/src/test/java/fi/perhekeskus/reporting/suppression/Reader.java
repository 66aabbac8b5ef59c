package fi.perhekeskus.reporting.suppression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a reader of a report can work out, written independently of the suppression it checks: from
 * the figures as shown (numbers, "&lt;5" for 1..4, "suppressed" for 5 and more: zeros are never withheld) and the relations
 * a reader knows, every value of every hidden cell that some assignment satisfying all relations
 * allows, by plain enumeration. A hidden cell is derivable when a single value remains.
 */
public final class Reader {

    private final Map<String, Object> shown;
    private final List<Relation> relations;
    private final List<String> hidden = new ArrayList<>();
    private final int cap;

    public Reader(Map<String, Object> shown, List<Relation> relations) {
        this.shown = shown;
        this.relations = relations;
        long largest = 4;
        for (var entry : shown.entrySet()) {
            if (entry.getValue() instanceof Number n) {
                largest = Math.max(largest, n.longValue());
            } else if (isHidden(entry.getValue())) {
                hidden.add(entry.getKey());
            } else {
                throw new IllegalArgumentException(entry.getKey() + " is neither a count nor a marker: " + entry.getValue());
            }
        }
        for (Relation relation : relations) {
            for (String cell : relation.cells()) {
                if (!shown.containsKey(cell)) {
                    throw new IllegalArgumentException("relation over an unknown cell " + cell);
                }
            }
        }
        // A search bound only: a hidden cell unbounded by shown totals is free within it already.
        this.cap = (int) (3 * largest + 12);
        // Totals first: once a total is chosen, its parts are bounded by it.
        hidden.sort(java.util.Comparator.comparingInt(cell -> -(int) relations.stream()
                .filter(r -> r.total().equals(cell)).count()));
    }

    public static boolean isHidden(Object value) {
        return Suppression.SMALL.equals(value) || Suppression.WITHHELD.equals(value);
    }

    /** Every value each hidden cell can take, as far as the reader knows. */
    public Map<String, Set<Integer>> feasible() {
        Map<String, Set<Integer>> values = new LinkedHashMap<>();
        hidden.forEach(cell -> values.put(cell, new TreeSet<>()));
        enumerate(0, new HashMap<>(), values);
        return values;
    }

    /** The hidden cells whose value the reader can work out. */
    public List<String> derivable() {
        Map<String, Set<Integer>> values = new LinkedHashMap<>();
        hidden.forEach(cell -> values.put(cell, new TreeSet<>()));
        stopWhenAllFree = true;
        enumerate(0, new HashMap<>(), values);
        stopWhenAllFree = false;
        List<String> pinned = new ArrayList<>();
        values.forEach((cell, found) -> {
            if (found.size() < 2) {
                pinned.add(cell);
            }
        });
        return pinned;
    }

    /** Relations with exactly one hidden cell: the plainest kind of leak. */
    public List<Relation> singlyHidden() {
        return relations.stream().filter(r -> r.cells().stream().filter(c -> isHidden(shown.get(c))).count() == 1)
                .toList();
    }

    /** Whether the true values (of the hidden cells) satisfy every relation with the shown ones. */
    public boolean admits(Map<String, Long> truth) {
        Map<String, Integer> assigned = new HashMap<>();
        hidden.forEach(cell -> assigned.put(cell, Math.toIntExact(truth.get(cell))));
        return consistent(assigned);
    }

    private boolean stopWhenAllFree;

    private boolean enumerate(int next, Map<String, Integer> assigned, Map<String, Set<Integer>> values) {
        if (next == hidden.size()) {
            assigned.forEach((cell, value) -> values.get(cell).add(value));
            return stopWhenAllFree && values.values().stream().allMatch(found -> found.size() >= 2);
        }
        String cell = hidden.get(next);
        boolean small = Suppression.SMALL.equals(shown.get(cell));
        for (int v = small ? 1 : 5; v <= (small ? 4 : cap); v++) {
            assigned.put(cell, v);
            if (consistent(assigned) && enumerate(next + 1, assigned, values)) {
                return true;
            }
        }
        assigned.remove(cell);
        return false;
    }

    /** No relation is broken: a complete one adds up, an open one with a known total is not exceeded. */
    private boolean consistent(Map<String, Integer> assigned) {
        for (Relation relation : relations) {
            Long total = value(relation.total(), assigned);
            long parts = 0;
            boolean open = false;
            for (String part : relation.parts()) {
                Long v = value(part, assigned);
                if (v == null) {
                    open = true;
                } else {
                    parts += v;
                }
            }
            if (total != null && (open ? parts > total : parts != total)) {
                return false;
            }
        }
        return true;
    }

    private Long value(String cell, Map<String, Integer> assigned) {
        Object v = shown.get(cell);
        if (v instanceof Number n) {
            return n.longValue();
        }
        Integer a = assigned.get(cell);
        return a == null ? null : a.longValue();
    }
}
