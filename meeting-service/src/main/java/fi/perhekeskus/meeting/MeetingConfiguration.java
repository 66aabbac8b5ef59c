package fi.perhekeskus.meeting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.infra.kafka.HandledTypes;
import fi.perhekeskus.infra.kafka.PublicEventSources;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
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

    /**
     * The processors that read the referral topic, each with its own token in this service's
     * database: the referral-driven enrolment, and what the service knows of agencies, families and
     * consents. Apart, so a new one reads the topic from its start without replaying the other.
     */
    @Bean
    public ConfigurerModule referralTopicProcessors(PublicEventSources referralEvents, ListableBeanFactory beans,
                                                    ConnectionProvider connections, TransactionManager transactions,
                                                    DeadLetterSchema schema, Serializer serializer,
                                                    @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> {
            for (String group : new String[] {ReadModels.REFERRAL_ENROLMENT, ReadModels.PARTIES}) {
                registerKafkaFed(configurer, group, referralEvents, beans, connections, transactions, schema,
                        serializer, eventSerializer);
            }
        };
    }

    private static void registerKafkaFed(Configurer configurer, String group, PublicEventSources referralEvents,
                                         ListableBeanFactory beans, ConnectionProvider connections,
                                         TransactionManager transactions, DeadLetterSchema schema,
                                         Serializer serializer, Serializer eventSerializer) {
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(group,
                        config -> referralEvents.reading(HandledTypes.ofProcessingGroup(beans, group)),
                        (config, builder) -> builder.initialSegmentCount(1).batchSize(100))
                // A poison event is parked with its aggregate's later events (in this service's PostgreSQL);
                // other aggregates keep flowing.
                .registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                // Remembers which aggregates have parked events, instead of asking the queue per event.
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.enableSequenceIdentifierCache());
    }
}
