package fi.perhekeskus.infra.links;

import fi.perhekeskus.infra.secrets.InvalidSecretException;
import fi.perhekeskus.infra.security.SecuritySettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import java.nio.charset.StandardCharsets;

/** The family links' keys, for the services that mint or open them (lazy: reporting-service never does). */
@AutoConfiguration
@EnableConfigurationProperties({FamilyLinkSettings.class, SecuritySettings.class})
public class FamilyLinksAutoConfiguration {

    private static final int MINIMUM_SECRET_BYTES = 32;

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public FamilyLinkTokens familyLinkTokens(FamilyLinkSettings settings, SecuritySettings security) {
        if (settings.secret() != null) {
            return new FamilyLinkTokens(checked(settings.secret(), FamilyLinkSettings.SECRET_VARIABLE,
                    FamilyLinkSettings.SECRET_PROPERTY));
        }
        if (security.jwtSecret() == null) {
            throw new InvalidSecretException(FamilyLinkSettings.SECRET_VARIABLE, FamilyLinkSettings.SECRET_PROPERTY,
                    "families' links need a signing secret: set " + FamilyLinkSettings.SECRET_VARIABLE
                            + " or, without an OIDC issuer, " + SecuritySettings.JWT_SECRET_VARIABLE + " (which they then use)");
        }
        return new FamilyLinkTokens(checked(security.jwtSecret(), SecuritySettings.JWT_SECRET_VARIABLE,
                SecuritySettings.JWT_SECRET_PROPERTY));
    }

    private static byte[] checked(String secret, String variable, String property) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_SECRET_BYTES) {
            throw new InvalidSecretException(variable, property,
                    "the secret must be at least " + MINIMUM_SECRET_BYTES + " bytes, not " + bytes.length);
        }
        return bytes;
    }
}
