package fi.perhekeskus.infra.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnProperty(name = "perhekeskus.contract.verify-events", havingValue = "true")
public class ContractAutoConfiguration {

    @Bean
    public ContractVerifier contractVerifier(ObjectMapper objectMapper, EventBus eventBus) {
        ContractVerifier verifier = new ContractVerifier(objectMapper);
        eventBus.registerDispatchInterceptor(verifier);
        return verifier;
    }
}
