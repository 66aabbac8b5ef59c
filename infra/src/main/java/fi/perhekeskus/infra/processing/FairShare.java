package fi.perhekeskus.infra.processing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How many segments of one streaming processor an instance may keep when {@code live} instances
 * share it, and which of its own it lets go. Pure arithmetic for {@link SegmentBalancer}.
 */
public final class FairShare {

    private FairShare() {
    }

    /**
     * ceil(segments / live): every segment has an owner, and no instance holds more than one
     * segment beyond another. One live instance (or none counted) keeps every segment.
     */
    public static int of(int segments, int live) {
        if (segments < 0) {
            throw new IllegalArgumentException("segments must not be negative: " + segments);
        }
        if (live <= 1) {
            return segments;
        }
        return (segments + live - 1) / live;
    }

    /**
     * The segments to release: those held beyond the fair share, taken from {@code releasable}
     * (held long enough), highest id first. {@code held} counts every segment this instance
     * processes, releasable or not.
     */
    public static List<Integer> toRelease(Collection<Integer> held, Set<Integer> releasable, int segments, int live) {
        int excess = held.size() - of(Math.max(segments, held.size()), live);
        if (excess <= 0) {
            return List.of();
        }
        return held.stream().filter(releasable::contains).sorted(Comparator.reverseOrder()).limit(excess).toList();
    }
}
