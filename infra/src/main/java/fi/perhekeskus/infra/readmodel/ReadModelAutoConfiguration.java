package fi.perhekeskus.infra.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's read database ({@code perhekeskus.read-database}): its views, and whatever lives beside them. */
@AutoConfiguration(after = MongoAutoConfiguration.class)
@ConditionalOnProperty("perhekeskus.read-database")
public class ReadModelAutoConfiguration {

    public static final String READ_DATABASE = "readDatabase";

    @Bean(READ_DATABASE)
    @ConditionalOnMissingBean(name = READ_DATABASE)
    public MongoDatabase readDatabase(MongoClient client, @Value("${perhekeskus.read-database}") String name) {
        return client.getDatabase(name);
    }
}
