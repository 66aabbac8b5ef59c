package fi.perhekeskus.referral;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.referral.referral.ReferralSla;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ReferralSla.class)
public class ReadModelConfiguration {

    @Bean
    public MongoDatabase readDatabase(MongoClient client, @Value("${perhekeskus.read-database}") String name) {
        return client.getDatabase(name);
    }
}
