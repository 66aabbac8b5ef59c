package fi.perhekeskus.infra;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts a platform service. Each service reads its own {@code <name>.yml} (not
 * {@code application.yml}), so that several services can share one JVM in a cross-service test.
 */
public final class PlatformApplication {

    private PlatformApplication() {
    }

    public static SpringApplicationBuilder builder(Class<?> application, String name) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + name, "spring.application.name=" + name);
    }
}
