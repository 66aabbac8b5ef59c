package fi.perhekeskus.infra.processing;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;

/** Every service's streaming processors: how consumers are wired, and lag, dead letters, stuck detection. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@Import({DeadLetterController.class, ProcessorAdminController.class})
public class ProcessingAutoConfiguration {

    /** One per application context: the token store's node id (see {@link ProcessorOwner}). */
    @Bean
    public ProcessorOwner processorOwner() {
        return ProcessorOwner.next();
    }

    @Bean
    public ConsumingProcessors consumingProcessors(ListableBeanFactory beans) {
        return new ConsumingProcessors(beans);
    }

    @Bean(destroyMethod = "close")
    public ProcessorLag processorLag(Configuration axon,
                                     @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers) {
        return new ProcessorLag(axon, bootstrapServers);
    }

    @Bean
    public StuckPositions stuckPositions(ProcessorLag lag,
            @Value("${perhekeskus.processing.position-check-interval:PT5S}") Duration interval) {
        return new StuckPositions(lag, interval);
    }

    @Bean
    public ProcessorHealthIndicator processorsHealthIndicator(ProcessorLag lag, StuckPositions stuck,
            @Value("${perhekeskus.processing.stuck-after:PT2M}") Duration stuckAfter) {
        return new ProcessorHealthIndicator(lag, stuck, stuckAfter, Clock.systemUTC());
    }

    @Bean
    public ProcessorMetrics streamingProcessorMetrics(ProcessorLag lag, Configuration axon, MeterRegistry registry) {
        return new ProcessorMetrics(lag, axon, registry);
    }
}
