package fi.perhekeskus.reporting.suppression;

import java.util.List;

/** A shown total and the shown counts that add up to it: {@code total = parts[0] + parts[1] + ...}. */
public record Relation(String total, List<String> parts) {

    public Relation {
        parts = List.copyOf(parts);
    }

    public List<String> cells() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(total), parts.stream()).toList();
    }

    public boolean contains(String cell) {
        return total.equals(cell) || parts.contains(cell);
    }
}
