package fi.perhekeskus.meeting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.infra.kafka.HandledTypes;
import fi.perhekeskus.infra.kafka.PublicEventSources;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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
    public ConfigurerModule referralEnrolmentProcessor(PublicEventSources referralEvents, ListableBeanFactory beans,
                                                       ConnectionProvider connections, TransactionManager transactions,
                                                       DeadLetterSchema schema, Serializer serializer,
                                                       @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(ReadModels.REFERRAL_ENROLMENT,
                        config -> referralEvents.reading(HandledTypes.ofProcessingGroup(beans, ReadModels.REFERRAL_ENROLMENT)),
                        (config, builder) -> builder.initialSegmentCount(1).batchSize(100))
                // A poison event is parked with its referral's later events (in this service's PostgreSQL);
                // other referrals keep flowing.
                .registerDeadLetterQueue(ReadModels.REFERRAL_ENROLMENT, config -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(ReadModels.REFERRAL_ENROLMENT)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                // Remembers which referrals have parked events, instead of asking the queue per event.
                .registerDeadLetteringEventHandlerInvokerConfiguration(ReadModels.REFERRAL_ENROLMENT,
                        (config, builder) -> builder.enableSequenceIdentifierCache());
    }
}
