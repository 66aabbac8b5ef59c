package fi.perhekeskus.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.secrets.InvalidSecretException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request carries a bearer JWT (docs/contract.md). Locally the token is HS256 with the configured
 * secret, which has no default: without it (and without an OIDC issuer, whose decoder Spring Boot
 * configures instead, with no code change) the service does not start. The platform's claim rules
 * ({@link JwtClaims#validator()}) are a validator bean, so Boot's issuer decoder applies them too.
 * Unauthenticated and forbidden requests get problem+json.
 *
 * <p>Where the service declares a {@link RegisteredAgencies} bean, a token naming an unregistered
 * agency may only read the {@code directory-paths}. The check depends on that bean because only a
 * service can say which agencies it knows, and each service provides it from its own store when it
 * has one; a service without the bean keeps its own checks of the caller's agency.
 */
@AutoConfiguration(after = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(SecuritySettings.class)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    private static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
            "/swagger-ui.html", "/error", "/contract/**");

    /**
     * No observation per security filter: each wrapped every filter of every request, and the
     * request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    @ConditionalOnMissingBean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Picked up by Spring Boot's issuer-based decoder as well as used by the local one. */
    @Bean
    public OAuth2TokenValidator<Jwt> platformClaimsValidator() {
        return JwtClaims.validator();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder localJwtDecoder(SecuritySettings settings) {
        if (settings.jwtSecret() == null) {
            throw new InvalidSecretException(SecuritySettings.JWT_SECRET_VARIABLE, SecuritySettings.JWT_SECRET_PROPERTY,
                    "no JWT secret is configured and no OIDC issuer "
                            + "(spring.security.oauth2.resourceserver.jwt.issuer-uri) either");
        }
        byte[] secret = settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < SecuritySettings.MINIMUM_SECRET_BYTES) {
            throw new InvalidSecretException(SecuritySettings.JWT_SECRET_VARIABLE, SecuritySettings.JWT_SECRET_PROPERTY,
                    "the JWT secret must be at least " + SecuritySettings.MINIMUM_SECRET_BYTES
                            + " bytes for HS256, not " + secret.length);
        }
        // HS256 only: a token with alg none, another HMAC or an RSA signature is refused.
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                JwtClaims.validator());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    @Bean
    public SecurityFilterChain platformSecurity(HttpSecurity http, SecuritySettings settings, ObjectMapper mapper,
                                                ObjectProvider<RegisteredAgencies> registeredAgencies) throws Exception {
        List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
        publicPaths.addAll(settings.publicPaths());
        RegisteredAgencies agencies = registeredAgencies.getIfAvailable();
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(JwtClaims::authorities);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(publicPaths.toArray(String[]::new)).permitAll();
                    if (agencies == null) {
                        auth.anyRequest().authenticated();
                    } else {
                        if (!settings.directoryPaths().isEmpty()) {
                            auth.requestMatchers(HttpMethod.GET, settings.directoryPaths().toArray(String[]::new))
                                    .authenticated();
                        }
                        auth.anyRequest().access(new RegisteredAgencyAuthorization(agencies));
                    }
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(ProblemResponses.unauthorized(mapper))
                        .accessDeniedHandler(ProblemResponses.forbidden(mapper)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemResponses.unauthorized(mapper))
                        .accessDeniedHandler(ProblemResponses.forbidden(mapper)));
        return http.build();
    }

    static {
        // The caller comes from the bearer token, not from the request: the OpenAPI document must not
        // list it as a parameter (springdoc would document a required query parameter "caller").
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    public WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
