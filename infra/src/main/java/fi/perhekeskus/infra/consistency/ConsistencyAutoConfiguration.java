package fi.perhekeskus.infra.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/** Services with their own event store offer read-your-writes on the views they build from it. */
@AutoConfiguration(after = JdbcAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class ConsistencyAutoConfiguration {

    @Bean
    public ViewCatchUp viewCatchUp(EventStore eventStore, @Lazy EventProcessingConfiguration processing,
                                   DataSource dataSource, @Lazy org.axonframework.config.Configuration axon,
                                   @Value("${perhekeskus.views.catch-up-timeout:5s}") Duration timeout) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new ViewCatchUp(eventStore, processing, timeout, new StoredPositions(jdbc, axon::serializer),
                new CommittedEvents(jdbc));
    }
}
