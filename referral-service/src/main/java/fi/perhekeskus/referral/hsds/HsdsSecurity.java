package fi.perhekeskus.referral.hsds;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.net.URI;

/**
 * {@code /hsds/**} is the public directory: GET (and HEAD) without a token, nothing else. A token
 * sent along is ignored here, so an expired one does not turn a public read into a 401. Any other
 * method is 405 problem+json before it reaches a controller. The platform's own chain (every other
 * path) is unchanged; this one is matched first.
 */
@Configuration
public class HsdsSecurity {

    @Bean
    @Order(10)
    public SecurityFilterChain hsdsPublicDirectory(HttpSecurity http, ObjectMapper mapper) throws Exception {
        http.securityMatcher("/hsds", "/hsds/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/hsds", "/hsds/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/hsds", "/hsds/**").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> readOnly(mapper, request, response))
                        .accessDeniedHandler((request, response, ex) -> readOnly(mapper, request, response)));
        return http.build();
    }

    private static void readOnly(ObjectMapper mapper, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                "the public directory is read-only: GET only");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
