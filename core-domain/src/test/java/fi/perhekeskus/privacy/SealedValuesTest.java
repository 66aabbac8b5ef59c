package fi.perhekeskus.privacy;

import fi.perhekeskus.contract.Sealed;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedValuesTest {

    private static final UUID FAMILY = UUID.randomUUID();
    private final SecretKey key = AesGcm.newKey();

    @Test
    void aSealedValueOpensWithItsKeyAndHidesThePlaintext() {
        Sealed sealed = SealedValues.seal(key, FAMILY, "Aino Virtanen 010203A123X");

        assertThat(sealed.ciphertext()).startsWith("v1.").doesNotContain("Aino", "Virtanen", "010203");
        assertThat(SealedValues.open(key, FAMILY, sealed)).isEqualTo("Aino Virtanen 010203A123X");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(SealedValues.seal(key, FAMILY, "x")).isNotEqualTo(SealedValues.seal(key, FAMILY, "x"));
    }

    @Test
    void aWrongKeyFailsClosed() {
        Sealed sealed = SealedValues.seal(key, FAMILY, "Aino");

        assertThatThrownBy(() -> SealedValues.open(AesGcm.newKey(), FAMILY, sealed))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void aValueMovedToAnotherFamilyDoesNotOpen() {
        Sealed sealed = SealedValues.seal(key, FAMILY, "Aino");

        assertThatThrownBy(() -> SealedValues.open(key, UUID.randomUUID(), sealed))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void aTamperedValueFailsClosed() {
        String text = SealedValues.seal(key, FAMILY, "Aino").ciphertext();
        // A middle character carries six whole bits (the last one may carry only padding bits).
        int at = text.length() / 2;
        char flipped = text.charAt(at) == 'A' ? 'B' : 'A';
        Sealed tampered = new Sealed(text.substring(0, at) + flipped + text.substring(at + 1));

        assertThatThrownBy(() -> SealedValues.open(key, FAMILY, tampered)).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> SealedValues.open(key, FAMILY, new Sealed("v0.abc")))
                .isInstanceOf(SealBrokenException.class);
    }
}
