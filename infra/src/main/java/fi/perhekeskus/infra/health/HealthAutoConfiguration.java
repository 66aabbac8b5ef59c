package fi.perhekeskus.infra.health;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(after = MongoAutoConfiguration.class)
public class HealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoClient.class)
    public MongoPingHealthIndicator readStoreHealthIndicator(MongoClient client) {
        return new MongoPingHealthIndicator(client);
    }
}
