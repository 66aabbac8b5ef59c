package fi.perhekeskus.reporting.suppression;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which hidden counts a reader can work out from the shown ones. The reader knows the declared
 * relations, the shown counts and what each marker means: a small cell is 1 to 4; a withheld cell is
 * at least 5 (it would read "&lt;5" otherwise, and a zero is never withheld). A hidden cell is exposed
 * when the system allows it a single value. Each hidden cell is tested by asking whether the system has a solution in which it
 * differs from its true value: a small finite-domain search with bounds propagation over the sums.
 * Cells only connect through relations, so each connected part is solved on its own.
 */
final class Disclosure {

    /** Search nodes per question; beyond it the cell counts as exposed (more is withheld, never less). */
    private static final int BUDGET = 200_000;

    private Disclosure() {
    }

    static List<String> exposed(Map<String, Long> counts, List<Relation> relations, Set<String> small,
                                Set<String> withheld) {
        List<String> hidden = new ArrayList<>();
        for (String cell : counts.keySet()) {
            if (small.contains(cell) || withheld.contains(cell)) {
                hidden.add(cell);
            }
        }
        if (hidden.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < hidden.size(); i++) {
            index.put(hidden.get(i), i);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        // Values beyond twice everything in the table need not be searched: if a cell is free at all it
        // is free within that (its relations with hidden totals let it grow one by one).
        int cap = (int) Math.min(100_000, 2 * total + 10);
        BitSet[] domains = new BitSet[hidden.size()];
        for (int i = 0; i < hidden.size(); i++) {
            BitSet domain = new BitSet(cap + 1);
            if (small.contains(hidden.get(i))) {
                domain.set(1, 5);
            } else {
                domain.set(5, cap + 1);
            }
            domains[i] = domain;
        }
        List<Constraint> constraints = new ArrayList<>();
        for (Relation relation : relations) {
            List<int[]> terms = new ArrayList<>();
            long constant = 0;
            for (String cell : relation.cells()) {
                int sign = cell.equals(relation.total()) ? 1 : -1;
                Integer var = index.get(cell);
                if (var == null) {
                    constant -= sign * counts.get(cell);
                } else {
                    terms.add(new int[]{var, sign});
                }
            }
            if (!terms.isEmpty()) {
                constraints.add(new Constraint(terms.toArray(int[][]::new), constant));
            }
        }
        List<String> exposed = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            int truth = Math.toIntExact(counts.get(hidden.get(i)));
            BitSet[] other = copy(domains);
            other[i].clear(truth);
            Search search = new Search(constraints);
            if (!search.feasible(other)) {
                exposed.add(hidden.get(i));
            }
        }
        return exposed;
    }

    private static BitSet[] copy(BitSet[] domains) {
        BitSet[] copy = new BitSet[domains.length];
        for (int i = 0; i < domains.length; i++) {
            copy[i] = (BitSet) domains[i].clone();
        }
        return copy;
    }

    /** {@code sum(sign * x[var]) = constant}. */
    private record Constraint(int[][] terms, long constant) {
    }

    private static final class Search {

        private final List<Constraint> constraints;
        private int nodes;

        Search(List<Constraint> constraints) {
            this.constraints = constraints;
        }

        boolean feasible(BitSet[] domains) {
            if (++nodes > BUDGET || !propagate(domains)) {
                return false;
            }
            int branch = -1;
            for (int i = 0; i < domains.length; i++) {
                int size = domains[i].cardinality();
                if (size > 1 && (branch < 0 || size < domains[branch].cardinality())) {
                    branch = i;
                }
            }
            if (branch < 0) {
                return true;
            }
            for (int v = domains[branch].nextSetBit(0); v >= 0; v = domains[branch].nextSetBit(v + 1)) {
                BitSet[] trial = copy(domains);
                trial[branch].clear();
                trial[branch].set(v);
                if (feasible(trial)) {
                    return true;
                }
                if (nodes > BUDGET) {
                    return false;
                }
            }
            return false;
        }

        /** Bounds consistency on every sum until nothing changes; false when a domain empties. */
        private boolean propagate(BitSet[] domains) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Constraint c : constraints) {
                    long lo = 0;
                    long hi = 0;
                    for (int[] term : c.terms()) {
                        BitSet d = domains[term[0]];
                        if (d.isEmpty()) {
                            return false;
                        }
                        long min = d.nextSetBit(0);
                        long max = d.length() - 1;
                        lo += term[1] > 0 ? min : -max;
                        hi += term[1] > 0 ? max : -min;
                    }
                    for (int[] term : c.terms()) {
                        BitSet d = domains[term[0]];
                        long min = d.nextSetBit(0);
                        long max = d.length() - 1;
                        long othersLo = lo - (term[1] > 0 ? min : -max);
                        long othersHi = hi - (term[1] > 0 ? max : -min);
                        // sign * x = constant - others
                        long from = term[1] > 0 ? c.constant() - othersHi : othersLo - c.constant();
                        long to = term[1] > 0 ? c.constant() - othersLo : othersHi - c.constant();
                        if (from > min || to < max) {
                            int before = d.cardinality();
                            if (from > 0) {
                                d.clear(0, (int) Math.min(from, d.length()));
                            }
                            if (to < max) {
                                d.clear((int) Math.max(0, to + 1), d.length());
                            }
                            if (d.isEmpty()) {
                                return false;
                            }
                            if (d.cardinality() != before) {
                                changed = true;
                                long newMin = d.nextSetBit(0);
                                long newMax = d.length() - 1;
                                lo += (term[1] > 0 ? newMin - min : -(newMax - max));
                                hi += (term[1] > 0 ? newMax - max : -(newMin - min));
                            }
                        }
                    }
                }
            }
            return true;
        }
    }
}
