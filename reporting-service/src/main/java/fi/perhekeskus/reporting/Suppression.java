package fi.perhekeskus.reporting;

/**
 * Small-cell suppression: an analyst never sees a count from 1 to 4 (it could point to a family),
 * only "&lt;5", and nothing derived from such a count. Coordinators see the figures.
 */
public final class Suppression {

    public static final String SMALL = "<5";

    private final boolean active;

    private Suppression(boolean active) {
        this.active = active;
    }

    public static Suppression forAnalyst(boolean analyst) {
        return new Suppression(analyst);
    }

    public boolean hides(long count) {
        return active && count >= 1 && count <= 4;
    }

    /** A count as shown: the number, or "&lt;5". */
    public Object count(long count) {
        return hides(count) ? SMALL : count;
    }

    /** A figure derived from {@code basis} counts: withheld (null) when any of them is hidden. */
    public <T> T derived(T value, long... basis) {
        for (long count : basis) {
            if (hides(count)) {
                return null;
            }
        }
        return value;
    }
}
