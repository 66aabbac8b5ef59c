package fi.perhekeskus.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A personal value that travels only encrypted with the family's own key (crypto-shredding):
 * once the key is destroyed the value is unreadable everywhere it was copied to. On the wire it is
 * an opaque string; only referral-service can open it.
 */
public record Sealed(String ciphertext) {

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

    @Override
    public String toString() {
        return "Sealed[***]";
    }
}
