package fi.perhekeskus.infra.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Old stored events of the public contract load as the current records. */
@AutoConfiguration
public class UpcastingAutoConfiguration {

    @Bean
    public EventUpcasterChain contractUpcasterChain() {
        return new EventUpcasterChain(ContractUpcasters.all().stream().map(StoredEventUpcaster::new).toList());
    }
}
