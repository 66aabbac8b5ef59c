package fi.perhekeskus.reporting;

import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.infra.processing.ConsumingProcessors;
import org.axonframework.config.ConfigurerModule;
import fi.perhekeskus.infra.processing.ProcessorOwner;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Every projection is a processing group on its own pooled streaming processor fed by the public
 * topics; its token (Kafka offsets) and dead letters are kept in MongoDB beside the views, so a
 * projection can be reset and rebuilt from offset 0.
 */
@Configuration
public class ProjectionProcessing {

    /** The projections; each is also the name of its processor. */
    public static final List<String> PROJECTIONS = List.of(ProcessingGroups.DIRECTORY, ProcessingGroups.REFERRAL_FLOW,
            ProcessingGroups.PROGRAMMES, ProcessingGroups.GATHERINGS, ProcessingGroups.PLANS);

    @Bean
    public TokenStore tokenStore(MongoDatabase readDatabase, Serializer serializer, ProcessorOwner owner) {
        return MongoTokenStore.builder()
                .nodeId(owner.name())
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readDatabase).build())
                .serializer(serializer)
                .build();
    }

    @Bean
    public ConfigurerModule projectionProcessors(ConsumingProcessors processors,
                                                 @Value("${perhekeskus.projections.batch-size:500}") int batchSize,
                                                 @Value("${perhekeskus.projections.segments:1}") int segments) {
        return processors.readingPublicTopics(PROJECTIONS.toArray(String[]::new))
                .segments(segments)
                .batchSize(batchSize)
                .deadLettersInMongo()
                // A failed write to the views fails the batch: its token stays, and it is handled again.
                .propagatingErrors()
                .module();
    }
}
