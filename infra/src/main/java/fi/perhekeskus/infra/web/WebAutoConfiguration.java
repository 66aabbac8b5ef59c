package fi.perhekeskus.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import java.util.List;
import java.util.Locale;
import fi.perhekeskus.infra.serialization.StorableText;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Errors as problem+json everywhere: in controllers ({@link ProblemDetailsAdvice}), on the
 * container's error dispatch ({@link ProblemErrorController}) and for requests the security
 * firewall refuses ({@link FirewallRejections}, picked up by Spring Security as the context's
 * {@link RequestRejectedHandler}); and the request-body limit of docs/contract.md.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class WebAutoConfiguration {

    /**
     * Bean Validation writes its messages in English whatever the request's language; the problem
     * answer then translates them ({@link ProblemLanguage}). Without this, Spring's default resolver
     * would pick Hibernate Validator's bundle for the caller's language (German, Czech...) and the
     * answer would mix languages.
     */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    public LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.ENGLISH);
    }

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

    /** A write whose answer the caller's Accept rules out is refused before it changes anything. */
    @Bean
    public WebMvcConfigurer acceptBeforeWrite() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptBeforeWrite());
            }
        };
    }

    /** Right after the body limit: a JSON body in another charset than UTF-8 is never read. */
    @Bean
    public FilterRegistrationBean<JsonCharset> jsonCharset(ProblemWriter problems) {
        FilterRegistrationBean<JsonCharset> registration = new FilterRegistrationBean<>(new JsonCharset(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After the body limit and the charset: a parameter no store can hold is refused before anything reads it. */
    @Bean
    public FilterRegistrationBean<StorableParameters> storableParameters(ProblemWriter problems) {
        FilterRegistrationBean<StorableParameters> registration =
                new FilterRegistrationBean<>(new StorableParameters(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Request bodies are read with {@link StorableText}: a JSON string no store can hold is 400 naming
     * its field. Only the HTTP reader: events already stored are read as they are.
     */
    @Bean
    public WebMvcConfigurer storableJsonBodies() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                // Replaced, not changed: the converter instances are shared with the HTTP clients Boot builds.
                for (int i = 0; i < converters.size(); i++) {
                    if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                        MappingJackson2HttpMessageConverter storable =
                                new MappingJackson2HttpMessageConverter(StorableText.reader(json.getObjectMapper()));
                        storable.setSupportedMediaTypes(json.getSupportedMediaTypes());
                        converters.set(i, storable);
                    }
                }
            }
        };
    }

    @Bean
    public RequestRejectedHandler firewallRejections(ProblemWriter problems) {
        return new FirewallRejections(problems);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrors {

        /**
         * Last of the customizers, so that its valve is the host's only error report valve (Boot adds a
         * plain one of its own).
         */
        @Bean
        public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return new ProblemErrorReports();
        }
    }

    static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                // The host adds a valve of this class at start unless it finds one already.
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
