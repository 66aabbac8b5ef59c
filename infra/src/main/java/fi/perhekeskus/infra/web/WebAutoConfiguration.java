package fi.perhekeskus.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors as problem+json everywhere: in controllers ({@link ProblemDetailsAdvice}), on the
 * container's error dispatch ({@link ProblemErrorController}) and for requests the security
 * firewall refuses ({@link FirewallRejections}, picked up by Spring Security as the context's
 * {@link RequestRejectedHandler}); and the request-body limit of API.md.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class WebAutoConfiguration {

    @Bean
    public ProblemWriter problemWriter(ObjectMapper mapper) {
        return new ProblemWriter(mapper);
    }

    /** First of all filters, security included: an oversized body is refused before anything else runs. */
    @Bean
    public FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(RequestBodyLimit.DEFAULT_MAX_BYTES, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public RequestRejectedHandler firewallRejections(ProblemWriter problems) {
        return new FirewallRejections(problems);
    }
}
