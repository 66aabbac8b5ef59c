package fi.perhekeskus.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code perhekeskus-defaults.properties} (Axon without Axon Server, Jackson everywhere,
 * actuator exposure) below every other property source, in applications and in tests alike.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("perhekeskus-defaults", new ClassPathResource("perhekeskus-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
