package fi.perhekeskus.infra.privacy;

import fi.perhekeskus.infra.secrets.InvalidSecretException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Base64;

/**
 * @param masterKey base64 of the 32-byte key that wraps every family's data key (env
 *                  {@code PERHEKESKUS_PRIVACY_MASTER_KEY}). There is no default: a service that
 *                  keeps family keys does not start without it.
 */
@ConfigurationProperties("perhekeskus.privacy")
public record PrivacySettings(String masterKey) {

    public static final String MASTER_KEY_VARIABLE = "PERHEKESKUS_PRIVACY_MASTER_KEY";
    public static final String MASTER_KEY_PROPERTY = "perhekeskus.privacy.master-key";
    static final int KEY_BYTES = 32;

    public PrivacySettings {
        masterKey = masterKey == null || masterKey.isBlank() ? null : masterKey;
    }

    /** The decoded key, or a refusal that names the variable to set. */
    public byte[] masterKeyBytes() {
        if (masterKey == null) {
            throw refused("no privacy master key is configured");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(masterKey.trim());
        } catch (IllegalArgumentException notBase64) {
            throw refused("the privacy master key is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw refused("the privacy master key must be base64 of exactly " + KEY_BYTES + " bytes, not " + key.length);
        }
        return key;
    }

    private static InvalidSecretException refused(String problem) {
        return new InvalidSecretException(MASTER_KEY_VARIABLE, MASTER_KEY_PROPERTY, problem);
    }
}
