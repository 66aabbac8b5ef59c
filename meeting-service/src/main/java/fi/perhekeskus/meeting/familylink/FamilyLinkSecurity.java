package fi.perhekeskus.meeting.familylink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /feedback/**} and {@code /invitation/**} are reached without a login: the code or signed
 * token in the path is the credential, checked on every request (404 unknown, 410 used). A bearer
 * token sent along is ignored. CSRF protection is off on purpose: these paths read no ambient
 * credential (no cookie, no session), so a forged cross-site form would have to carry the code
 * itself, which only its holder has. The platform's own chain (every other path) is unchanged; this
 * one is matched before it.
 */
@Configuration
public class FamilyLinkSecurity {

    @Bean
    @Order(11)
    public SecurityFilterChain familyLinkFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/feedback/**", "/invitation/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
