package fi.perhekeskus.referral;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.referral.referral.ReferralSla;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ReferralSla.class)
public class ReadModelConfiguration {

    /** The views' writes of a processor batch go to MongoDB as one bulk per collection, before its token moves. */
    @Bean
    public ConfigurerModule batchedViewWrites() {
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(ReadModels.GROUP, config -> BatchedDocuments.flushAtEndOfBatch());
    }

    @Bean
    public MongoDatabase readDatabase(MongoClient client, @Value("${perhekeskus.read-database}") String name) {
        return client.getDatabase(name);
    }
}
