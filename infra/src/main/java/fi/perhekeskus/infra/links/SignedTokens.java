package fi.perhekeskus.infra.links;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Login-free links' tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, with a key
 * derived from a configured secret for one use only. Partner links and family links are written and
 * read by these rules, so that there is one place where a signature is checked (in constant time) and
 * input of the wrong shape is refused before any decoding. No I/O and no Spring.
 */
public final class SignedTokens {

    private static final int SIGNATURE_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final int payloadBytes;
    private final int maxChars;

    /**
     * @param secret       the configured secret
     * @param label        what the key is for; another label derives another key from the same secret
     * @param payloadBytes the exact length of every payload
     */
    public SignedTokens(byte[] secret, String label, int payloadBytes) {
        this.key = derive(secret, label);
        this.payloadBytes = payloadBytes;
        this.maxChars = ENCODER.encodeToString(new byte[payloadBytes]).length() + 1
                + ENCODER.encodeToString(new byte[SIGNATURE_BYTES]).length();
    }

    /** A key for one use, derived from the secret with HMAC-SHA256 over the label. */
    public static SecretKeySpec derive(byte[] secret, String label) {
        return new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
    }

    public String sign(byte[] payload) {
        if (payload.length != payloadBytes) {
            throw new IllegalArgumentException("a payload of " + payloadBytes + " bytes, not " + payload.length);
        }
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    /** The payload of a token of our shape whose signature is ours; anything else is empty. */
    public Optional<byte[]> open(String token) {
        if (token == null || token.length() > maxChars) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != payloadBytes || signature.length != SIGNATURE_BYTES
                || !MessageDigest.isEqual(hmac(key, payload), signature)) {
            return Optional.empty();
        }
        return Optional.of(payload);
    }

    /** The longest token of ours. */
    public int maxChars() {
        return maxChars;
    }

    public static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
