package fi.perhekeskus.infra;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Starts a platform service. Each service reads its own {@code <name>.yml} (not
 * {@code application.yml}), so that several services can share one JVM in a cross-service test,
 * on top of the platform's shared defaults.
 */
public final class PlatformApplication {

    private PlatformApplication() {
    }

    public static SpringApplicationBuilder builder(Class<?> application, String name) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(application)
                .properties(defaults())
                .properties("spring.config.name=" + name, "spring.application.name=" + name);
    }

    private static Properties defaults() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("perhekeskus-defaults.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
