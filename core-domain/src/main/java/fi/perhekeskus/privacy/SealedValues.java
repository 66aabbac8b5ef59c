package fi.perhekeskus.privacy;

import fi.perhekeskus.contract.Sealed;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** The wire form of a {@link Sealed} value: {@code v1.<base64url(iv || ciphertext+tag)>}. */
public final class SealedValues {

    private static final String VERSION = "v1.";

    private SealedValues() {
    }

    public static Sealed seal(SecretKey familyKey, UUID familyId, String plaintext) {
        byte[] bytes = AesGcm.encrypt(familyKey, plaintext.getBytes(StandardCharsets.UTF_8), owner(familyId));
        return new Sealed(VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static String open(SecretKey familyKey, UUID familyId, Sealed sealed) {
        String text = sealed.ciphertext();
        if (!text.startsWith(VERSION)) {
            throw new SealBrokenException("unknown sealed-value version");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new SealBrokenException("the sealed value is not base64url");
        }
        return new String(AesGcm.decrypt(familyKey, bytes, owner(familyId)), StandardCharsets.UTF_8);
    }

    static byte[] owner(UUID familyId) {
        return ("family:" + familyId).getBytes(StandardCharsets.UTF_8);
    }
}
