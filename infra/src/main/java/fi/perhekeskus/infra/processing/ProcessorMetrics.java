package fi.perhekeskus.infra.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Gauges per streaming processor: {@code perhekeskus.processor.lag} (events behind its source) and
 * {@code perhekeskus.processor.dead.letters} (events parked in its dead-letter queue). Bound once
 * the application is ready, when every processor exists.
 */
public class ProcessorMetrics implements ApplicationListener<ApplicationReadyEvent> {

    private final ProcessorLag lag;
    private final Configuration axon;
    private final MeterRegistry registry;

    public ProcessorMetrics(ProcessorLag lag, Configuration axon, MeterRegistry registry) {
        this.lag = lag;
        this.axon = axon;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        lag.processors().forEach((name, processor) -> {
            Gauge.builder("perhekeskus.processor.lag", () -> lag.lag(processor).orElse(0))
                    .tag("processor", name)
                    .description("events the processor is behind its source")
                    .register(registry);
            Gauge.builder("perhekeskus.processor.dead.letters", () -> axon.eventProcessingConfiguration()
                            .deadLetterQueue(name).map(q -> (double) q.size()).orElse(0.0))
                    .tag("processor", name)
                    .description("events parked in the processor's dead-letter queue")
                    .register(registry);
        });
    }
}
