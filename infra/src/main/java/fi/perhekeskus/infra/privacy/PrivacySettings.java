package fi.perhekeskus.infra.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey base64 of the 32-byte key that wraps every family's data key (env
 *                  {@code PERHEKESKUS_PRIVACY_MASTER_KEY}); the default is for local use only
 */
@ConfigurationProperties("perhekeskus.privacy")
public record PrivacySettings(String masterKey) {

    /** Local development only: every real deployment sets its own master key. */
    public static final String LOCAL_MASTER_KEY = "cGVyaGVrZXNrdXMtbG9jYWwtbWFzdGVyLWtleS0zMmI=";

    public PrivacySettings {
        masterKey = masterKey == null || masterKey.isBlank() ? LOCAL_MASTER_KEY : masterKey;
    }
}
