package fi.perhekeskus.reporting.suppression;

/**
 * Small-cell suppression: an analyst never sees a count from 1 to 4 (it could point to a family),
 * only {@value #SMALL}; nor a count from which, with the other shown figures of the same report, such
 * a count could be worked out: that one reads {@value #WITHHELD} (it may be of any size, so "&lt;5"
 * would misstate it). Figures derived from a hidden count are withheld. Coordinators see the figures.
 * A report declares its counts and how they add up in a {@link CountTable}.
 */
public final class Suppression {

    /** A count from 1 to 4. */
    public static final String SMALL = "<5";
    /** A count of any size withheld so that a small count cannot be derived from the shown ones. */
    public static final String WITHHELD = "suppressed";

    private final boolean active;

    private Suppression(boolean active) {
        this.active = active;
    }

    public static Suppression forAnalyst(boolean analyst) {
        return new Suppression(analyst);
    }

    public boolean active() {
        return active;
    }

    /** Whether a count is small: 1 to 4 (0 names no family and is shown). */
    public static boolean small(long count) {
        return count >= 1 && count <= 4;
    }

    /** A new table of the counts of one report (or one independent part of it, such as a row). */
    public CountTable table() {
        return new CountTable(active);
    }
}
