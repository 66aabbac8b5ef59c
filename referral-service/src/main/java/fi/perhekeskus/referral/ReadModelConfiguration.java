package fi.perhekeskus.referral;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.infra.kafka.HandledTypes;
import fi.perhekeskus.infra.kafka.PublicEventSources;
import fi.perhekeskus.referral.privacy.MeetingDisclosures;
import fi.perhekeskus.referral.referral.ReferralSla;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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

    /**
     * meeting-service's disclosures of families, from the meeting topic into the access log: a pooled
     * processor on a Kafka source with its own token; a poison event is parked with its aggregate's
     * later events (in this service's PostgreSQL) while other aggregates keep flowing.
     */
    @Bean
    public ConfigurerModule meetingTopicProcessor(PublicEventSources meetingEvents, ListableBeanFactory beans,
                                                  ConnectionProvider connections, TransactionManager transactions,
                                                  DeadLetterSchema schema, Serializer serializer,
                                                  @Qualifier("eventSerializer") Serializer eventSerializer) {
        String group = MeetingDisclosures.GROUP;
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(group,
                        config -> meetingEvents.reading(HandledTypes.ofProcessingGroup(beans, group)),
                        (config, builder) -> builder.initialSegmentCount(1).batchSize(100))
                .registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.enableSequenceIdentifierCache());
    }

    @Bean
    public MongoDatabase readDatabase(MongoClient client, @Value("${perhekeskus.read-database}") String name) {
        return client.getDatabase(name);
    }
}
