package fi.perhekeskus.infra.serialization;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(before = AxonAutoConfiguration.class)
public class SerializationAutoConfiguration {

    @Bean
    public RevisionResolver revisionResolver() {
        return new ContractRevisionResolver();
    }
}
