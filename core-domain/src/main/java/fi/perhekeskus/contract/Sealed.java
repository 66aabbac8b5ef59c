package fi.perhekeskus.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A personal value that travels only encrypted with its data subject's own key (crypto-shredding):
 * the family's, or for the free text of a group programme, the programme's. Once the key is
 * destroyed the value is unreadable everywhere it was copied to. On the wire it is an opaque string;
 * only the service that keeps the key can open it.
 *
 * <p>{@link #DROPPED} marks a value of an older event version that was written in plain text: an
 * upcaster cannot seal it (it holds no key), so it drops the text and leaves this marker, which
 * says that a value was given without carrying it.
 */
public record Sealed(String ciphertext) {

    /** The wire form of {@link #DROPPED}. */
    public static final String DROPPED_TEXT = "dropped";

    /** An older event's plain-text value, dropped when it was upcast. */
    public static final Sealed DROPPED = new Sealed(DROPPED_TEXT);

    public Sealed {
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @JsonCreator
    public static Sealed of(String ciphertext) {
        return new Sealed(ciphertext);
    }

    @JsonValue
    @Override
    public String ciphertext() {
        return ciphertext;
    }

    public boolean isDropped() {
        return DROPPED_TEXT.equals(ciphertext);
    }

    @Override
    public String toString() {
        return "Sealed[***]";
    }
}
