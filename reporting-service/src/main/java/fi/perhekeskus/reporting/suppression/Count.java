package fi.perhekeskus.reporting.suppression;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A count as a report shows it: the number, or for an ANALYST {@value Suppression#SMALL} (1 to 4) or
 * {@value Suppression#WITHHELD} (withheld so that a small count cannot be worked out). A hidden count
 * does not carry its number, so it cannot leak through any later use of the figure. In JSON and CSV
 * it is the number or the marker, as it always was.
 */
public record Count(Long value, String marker) {

    public Count {
        if ((value == null) == (marker == null)) {
            throw new IllegalArgumentException("a count is a number or a marker");
        }
        if (marker != null && !Suppression.SMALL.equals(marker) && !Suppression.WITHHELD.equals(marker)) {
            throw new IllegalArgumentException("not a suppression marker: " + marker);
        }
    }

    public static Count of(long value) {
        return new Count(value, null);
    }

    static Count small() {
        return new Count(null, Suppression.SMALL);
    }

    static Count withheld() {
        return new Count(null, Suppression.WITHHELD);
    }

    public boolean hidden() {
        return marker != null;
    }

    /** The number, or the marker in its place: what JSON and CSV carry. */
    @JsonValue
    public Object json() {
        return value != null ? value : marker;
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
