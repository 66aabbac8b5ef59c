package fi.perhekeskus.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param jwtSecret      HS256 secret of local tokens, at least 32 bytes (env
 *                       {@code PERHEKESKUS_JWT_SECRET}); not needed when an OIDC issuer
 *                       ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) or another
 *                       {@code JwtDecoder} is configured. There is no default: without either the
 *                       service does not start.
 * @param publicPaths    paths served without a token (health, API docs, the dashboard's static page)
 * @param directoryPaths paths a token of an unregistered agency may still read with GET (the public
 *                       directory); everything else needs a registered agency or none
 */
@ConfigurationProperties("perhekeskus.security")
public record SecuritySettings(String jwtSecret, List<String> publicPaths, List<String> directoryPaths) {

    public static final String JWT_SECRET_VARIABLE = "PERHEKESKUS_JWT_SECRET";
    public static final String JWT_SECRET_PROPERTY = "perhekeskus.security.jwt-secret";
    static final int MINIMUM_SECRET_BYTES = 32;

    public SecuritySettings {
        jwtSecret = jwtSecret == null || jwtSecret.isBlank() ? null : jwtSecret;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        directoryPaths = directoryPaths == null ? List.of() : List.copyOf(directoryPaths);
    }
}
