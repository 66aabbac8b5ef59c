package fi.perhekeskus.infra.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The command gateway of every service: Axon's, with commands that lost a concurrent append to
 * another instance run again ({@link ConcurrentAppendRetry}).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class CommandAutoConfiguration {

    @Bean(destroyMethod = "close")
    public ConcurrentAppendRetry concurrentAppendRetry(
            @Value("${perhekeskus.commands.concurrent-append-retries:8}") int retries) {
        return new ConcurrentAppendRetry(retries, 200);
    }

    @Bean
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(CommandBus commandBus, ConcurrentAppendRetry retry) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retry)
                .build();
    }
}
