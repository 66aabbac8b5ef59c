package fi.perhekeskus.infra.processing;

import io.micrometer.core.instrument.MeterRegistry;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.infra.readmodel.ReadModelAutoConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

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

    /**
     * The heartbeats behind {@link SegmentBalancer}, in the store the tokens are in: PostgreSQL beside
     * a {@link JdbcTokenStore}, the read store beside a {@link MongoTokenStore}. None with another
     * token store (an in-memory one is no one else's), {@link ProcessorInstances#NONE}: nothing is balanced.
     */
    @Bean
    @ConditionalOnMissingBean
    public ProcessorInstances processorInstances(ObjectProvider<TokenStore> tokenStore,
                                                 ObjectProvider<DataSource> dataSource, ListableBeanFactory beans) {
        TokenStore store = tokenStore.getIfAvailable();
        if (store instanceof JdbcTokenStore && dataSource.getIfAvailable() != null) {
            return new JdbcProcessorInstances(new JdbcTemplate(dataSource.getObject()));
        }
        if (store instanceof MongoTokenStore && beans.containsBean(ReadModelAutoConfiguration.READ_DATABASE)) {
            return new MongoProcessorInstances(
                    beans.getBean(ReadModelAutoConfiguration.READ_DATABASE, MongoDatabase.class), Clock.systemUTC());
        }
        return ProcessorInstances.NONE;
    }

    /** Splits the segments between the instances sharing the token store (README, Two instances). */
    @Bean
    public SegmentBalancer segmentBalancer(Configuration axon, ProcessorOwner owner, ProcessorInstances instances,
            @Value("${perhekeskus.processing.balance-interval:PT5S}") Duration interval) {
        return new SegmentBalancer(axon.eventProcessingConfiguration(), owner, instances, interval,
                System::currentTimeMillis);
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
