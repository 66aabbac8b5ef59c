package fi.perhekeskus.reporting.suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The counts of one report with the linear relations between them that a reader can see (a total and
 * the counts that add up to it), and their suppression for an analyst:
 * <ol>
 *   <li>every count from 1 to 4 is hidden ({@link Suppression#SMALL});</li>
 *   <li>while the shown counts and the relations still pin down a hidden count ({@link Disclosure}),
 *       one more count of a relation that holds it is withheld ({@link Suppression#WITHHELD}): the
 *       smallest non-zero shown one. A relation with a single hidden cell always pins it; two hidden
 *       cells may still pin each other (made 6 = green 0 + yellow 5 + red 1: with yellow withheld, it
 *       is at least 5 and red at least 1, so both are known), which is why the check solves the
 *       system rather than counting hidden cells per relation.</li>
 * </ol>
 * Zero is never hidden: it names no family, and a 0 shown beside a hidden cell reveals nothing by
 * itself (in {@code total = a + 0} total and a are then the same small count, both hidden). Nor is a
 * zero withheld as a complement: wherever its relation's total is a shown 0 it would be pinned at once,
 * and it protects only when the other hidden cells can absorb five or more. So a reader knows a
 * withheld count is at least 5, and the check assumes so. Derived figures (rates, percents,
 * medians) are withheld when any count they are derived from is hidden, for any reason.
 * <p>
 * Only equalities are declared. Inequalities between counts (received &le; made, ...) cannot narrow a
 * hidden small count: the shown counts they compare it with are 0 or at least 5.
 */
public final class CountTable {

    private final boolean active;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Set<String> unpublished = new LinkedHashSet<>();
    private final List<Relation> relations = new ArrayList<>();
    private Shown shown;

    CountTable(boolean active) {
        this.active = active;
    }

    /** A count the report shows. */
    public CountTable count(String cell, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a count is never negative: " + cell);
        }
        counts.put(cell, value);
        shown = null;
        return this;
    }

    /**
     * A count the report does not show but derives figures from (the decided referrals behind an
     * acceptance rate): figures derived from it are withheld when it is small.
     */
    public CountTable basis(String cell, long value) {
        count(cell, value);
        unpublished.add(cell);
        return this;
    }

    /** Declares {@code total = parts[0] + parts[1] + ...}; the cells must be shown counts that add up. */
    public CountTable sum(String total, String... parts) {
        Relation relation = new Relation(total, List.of(parts));
        long sum = 0;
        for (String cell : relation.cells()) {
            if (!counts.containsKey(cell) || unpublished.contains(cell)) {
                throw new IllegalArgumentException("not a shown count: " + cell);
            }
        }
        for (String part : parts) {
            sum += counts.get(part);
        }
        if (sum != counts.get(total)) {
            throw new IllegalArgumentException("the counts do not add up: " + relation);
        }
        relations.add(relation);
        shown = null;
        return this;
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public List<Relation> relations() {
        return List.copyOf(relations);
    }

    /** The table as the caller sees it. */
    public Shown shown() {
        if (shown == null) {
            shown = active ? suppress() : new Shown(counts, Set.of(), Set.of());
        }
        return shown;
    }

    private Shown suppress() {
        Set<String> small = new LinkedHashSet<>();
        counts.forEach((cell, value) -> {
            if (Suppression.small(value)) {
                small.add(cell);
            }
        });
        Set<String> withheld = new LinkedHashSet<>();
        while (true) {
            List<String> exposed = Disclosure.exposed(counts, relations, small, withheld);
            if (exposed.isEmpty()) {
                break;
            }
            Optional<String> next = complement(relations.stream().filter(r -> r.contains(exposed.get(0))), small, withheld)
                    .or(() -> complement(relations.stream().filter(r -> exposed.stream().anyMatch(r::contains)),
                            small, withheld))
                    .or(() -> complement(relations.stream().filter(r -> r.cells().stream()
                            .anyMatch(c -> small.contains(c) || withheld.contains(c))), small, withheld));
            if (next.isEmpty()) {
                if (exposed.stream().anyMatch(small::contains)) {
                    // Every non-zero count near it is hidden already: refuse rather than disclose.
                    throw new IllegalStateException("suppression cannot protect " + exposed);
                }
                // Only withheld counts (5 or more) are still pinned: that discloses no small count.
                break;
            }
            withheld.add(next.get());
        }
        return new Shown(counts, small, withheld);
    }

    /** The shown cell of these relations to withhold next: the smallest non-zero one, in declaration order. */
    private Optional<String> complement(java.util.stream.Stream<Relation> near, Set<String> small, Set<String> withheld) {
        List<String> order = new ArrayList<>(counts.keySet());
        return near.flatMap(r -> r.cells().stream())
                .filter(c -> !small.contains(c) && !withheld.contains(c) && counts.get(c) > 0).distinct()
                .min(Comparator.<String, Long>comparing(counts::get).thenComparing(order::indexOf));
    }

    /** The counts as shown: numbers, "&lt;5" or "suppressed"; and the figures derived from them. */
    public static final class Shown {

        private final Map<String, Long> counts;
        private final Set<String> small;
        private final Set<String> withheld;

        Shown(Map<String, Long> counts, Set<String> small, Set<String> withheld) {
            this.counts = counts;
            this.small = Set.copyOf(small);
            this.withheld = Set.copyOf(withheld);
        }

        /** A count as shown: the number, {@value Suppression#SMALL} or {@value Suppression#WITHHELD}. */
        public Count count(String cell) {
            Long value = counts.get(cell);
            if (value == null) {
                throw new IllegalArgumentException("no such count: " + cell);
            }
            return small.contains(cell) ? Count.small() : withheld.contains(cell) ? Count.withheld() : Count.of(value);
        }

        public boolean hidden(String cell) {
            return small.contains(cell) || withheld.contains(cell);
        }

        /** A figure derived from {@code basis} counts: withheld (null) when any of them is hidden. */
        public <T> T derived(T value, String... basis) {
            for (String cell : basis) {
                if (!counts.containsKey(cell)) {
                    throw new IllegalArgumentException("no such count: " + cell);
                }
                if (hidden(cell)) {
                    return null;
                }
            }
            return value;
        }

        public Set<String> small() {
            return small;
        }

        public Set<String> withheld() {
            return withheld;
        }
    }
}
