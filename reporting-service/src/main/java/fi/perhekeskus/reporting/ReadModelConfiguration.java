package fi.perhekeskus.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ReadModelConfiguration {

    @Bean
    public MongoDatabase readDatabase(MongoClient client, @Value("${perhekeskus.read-database}") String name) {
        return client.getDatabase(name);
    }
}
