package fi.perhekeskus.infra.links;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret  the key families' links are signed with (env {@code PERHEKESKUS_FAMILY_LINK_SECRET}), at
 *                least 32 bytes and the same in referral-service and meeting-service; no default: without
 *                it the key is derived from the JWT secret, and without either a service that mints or
 *                opens family links does not start
 * @param baseUrl where the links point: meeting-service's public URL ({@code https://groups.example})
 */
@ConfigurationProperties("perhekeskus.family-links")
public record FamilyLinkSettings(String secret, String baseUrl) {

    public static final String SECRET_VARIABLE = "PERHEKESKUS_FAMILY_LINK_SECRET";
    public static final String SECRET_PROPERTY = "perhekeskus.family-links.secret";

    public FamilyLinkSettings {
        secret = secret == null || secret.isBlank() ? null : secret;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://127.0.0.1:8082" : baseUrl.replaceAll("/+$", "");
    }
}
