package fi.perhekeskus.referral.finder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The finder ({@code GET /}) and its style sheet ({@code /finder/**}) are public: read without a
 * token (one sent along is ignored), any other method refused. Every other path, /api included,
 * stays on the platform's own chain; this one is matched first and covers these paths only.
 */
@Configuration
public class FinderSecurity {

    @Bean
    @Order(11)
    public SecurityFilterChain publicFinder(HttpSecurity http) throws Exception {
        http.securityMatcher("/", "/finder/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/", "/finder/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/", "/finder/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
