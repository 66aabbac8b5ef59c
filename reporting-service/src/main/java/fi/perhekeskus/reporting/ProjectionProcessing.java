package fi.perhekeskus.reporting;

import com.mongodb.client.MongoClient;
import fi.perhekeskus.infra.kafka.HandledTypes;
import fi.perhekeskus.infra.kafka.PublicEventSources;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Every projection is a processing group on its own pooled streaming processor fed by the public
 * topics; its token (Kafka offsets) is kept in MongoDB beside the views, so a projection can be
 * reset and rebuilt from offset 0.
 */
@Configuration
public class ProjectionProcessing {

    /** The projections; each is also the name of its processor. */
    public static final List<String> PROJECTIONS = List.of(Projections.DIRECTORY, Projections.REFERRAL_FLOW,
            Projections.PROGRAMMES, Projections.GATHERINGS);

    @Bean
    public TokenStore tokenStore(MongoClient mongoClient, Serializer serializer,
                                 @Value("${perhekeskus.read-database}") String database) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build())
                .serializer(serializer)
                .build();
    }

    @Bean
    public ConfigurerModule projectionProcessors(PublicEventSources sources, ListableBeanFactory beans,
                                                 @Value("${perhekeskus.projections.batch-size:500}") int batchSize,
                                                 @Value("${perhekeskus.projections.segments:1}") int segments,
                                                 MongoClient mongoClient, Serializer serializer,
                                                 @Value("${perhekeskus.read-database}") String database) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (String projection : PROJECTIONS) {
                processing.registerPooledStreamingEventProcessor(projection,
                                config -> sources.reading(HandledTypes.ofProcessingGroup(beans, projection)),
                                (config, builder) -> builder.initialSegmentCount(segments).batchSize(batchSize))
                        .registerHandlerInterceptor(projection, config -> BatchedDocuments.flushAtEndOfBatch())
                        // A poison event is parked with its aggregate's later events; others keep flowing.
                        .registerDeadLetterQueue(projection, config -> MongoSequencedDeadLetterQueue
                                .<EventMessage<?>>builder()
                                .processingGroup(projection)
                                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build())
                                .serializer(serializer)
                                .build())
                        // Remembers which aggregates have parked events, instead of asking the queue per event.
                        .registerDeadLetteringEventHandlerInvokerConfiguration(projection,
                                (config, builder) -> builder.enableSequenceIdentifierCache())
                        .registerListenerInvocationErrorHandler(projection, config -> PropagatingErrorHandler.instance());
            }
        };
    }
}
