package fi.perhekeskus.referral.partner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /partner/**} is reached without a login: the link's signed token in the path is the
 * credential, checked by {@link PartnerLinks} on every request (404 when it does not open a referral).
 * A bearer token sent along is ignored here. CSRF protection is off on purpose: it guards ambient
 * credentials (cookies, sessions), and these paths read none; a forged cross-site form would have to
 * carry the token itself, which only its holder has (see {@link PartnerController#move}). The
 * platform's own chain (every other path) is unchanged; this one is matched before it.
 */
@Configuration
public class PartnerSecurity {

    @Bean
    @Order(11)
    public SecurityFilterChain partnerLinkSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/partner/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
