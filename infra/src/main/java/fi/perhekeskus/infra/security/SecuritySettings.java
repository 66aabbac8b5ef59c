package fi.perhekeskus.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param jwtSecret   HS256 secret of local tokens (env {@code PERHEKESKUS_JWT_SECRET}); ignored when
 *                    {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} names an OIDC issuer
 * @param publicPaths paths served without a token (health, API docs, the dashboard's static page)
 */
@ConfigurationProperties("perhekeskus.security")
public record SecuritySettings(String jwtSecret, List<String> publicPaths) {

    /** Local development only; every real deployment sets its own. */
    public static final String LOCAL_SECRET = "perhekeskus-local-development-secret-0123456789";

    public SecuritySettings {
        jwtSecret = jwtSecret == null || jwtSecret.isBlank() ? LOCAL_SECRET : jwtSecret;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
