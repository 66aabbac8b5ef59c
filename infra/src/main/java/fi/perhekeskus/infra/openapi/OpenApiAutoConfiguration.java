package fi.perhekeskus.infra.openapi;

import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.security.SecuritySettings;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's rules for every service's OpenAPI document, applied to every operation by global
 * customizers, so that an endpoint added tomorrow is documented as the others without annotations of
 * its own: operation ids from the controller and the method, the bearer-JWT scheme on every operation
 * that needs a token, the problem+json answers an operation can give, created and empty answers, and
 * an example for every JSON request body. docs/openapi holds the documents; the build lints them and
 * generates clients from them (infra/api-clients).
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

    /** Served without a token, besides the security settings' public paths. */
    static final List<String> PUBLIC_PATHS = List.of("/", "/hsds", "/hsds/**", "/partner/**", "/feedback/**",
            "/actuator/**", "/v3/api-docs/**", "/contract/**");

    @Bean
    public OpenAPI platformOpenApi(@Value("${spring.application.name:${spring.config.name:perhekeskus}}") String service) {
        return PlatformDocument.base(service);
    }

    @Bean
    public OperationCustomizer platformOperations() {
        return new PlatformOperations();
    }

    @Bean
    public OpenApiCustomizer platformDocument(ObjectProvider<SecuritySettings> settings,
                                              ObjectProvider<ViewCatchUp> catchUp) {
        List<String> publicPaths = new ArrayList<>(PUBLIC_PATHS);
        SecuritySettings security = settings.getIfAvailable();
        if (security != null) {
            publicPaths.addAll(security.publicPaths());
        }
        return new PlatformDocument(publicPaths, catchUp.getIfAvailable() != null);
    }
}
