package fi.perhekeskus.meeting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class MeetingConfiguration {

    @Bean
    public MongoDatabase readDatabase(MongoClient client, @Value("${perhekeskus.read-database}") String name) {
        return client.getDatabase(name);
    }

    /** The referral-driven enrolment reads the referral topic with its own token in this service's database. */
    @Bean
    public ConfigurerModule referralEnrolmentProcessor(StreamableKafkaMessageSource<String, byte[]> referralEvents) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(ReadModels.REFERRAL_ENROLMENT, config -> referralEvents,
                        (config, builder) -> builder.initialSegmentCount(1).batchSize(20))
                .registerListenerInvocationErrorHandler(ReadModels.REFERRAL_ENROLMENT,
                        config -> PropagatingErrorHandler.instance());
    }
}
