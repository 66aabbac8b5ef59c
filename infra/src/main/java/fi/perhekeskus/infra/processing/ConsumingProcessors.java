package fi.perhekeskus.infra.processing;

import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.infra.kafka.HandledTypes;
import fi.perhekeskus.infra.kafka.PublicEventSources;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.infra.readmodel.ReadModelAutoConfiguration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;

import java.util.List;
import java.util.function.Function;

/**
 * The one way a service wires the processors that consume the public topics. Each processing group
 * gets its own pooled streaming processor on a Kafka source that parses only what the group
 * handles, a sequenced dead-letter queue (a poison event is parked with its aggregate's later events
 * while other aggregates keep flowing), the sequence identifier cache (which aggregates have parked
 * events, instead of asking the queue per event), the parking of unreadable records
 * ({@link UnreadableEvents}), the flush of {@link BatchedDocuments} before the batch's token moves, and
 * a coordinator that refills a work package as soon as it takes a batch ({@link CoordinatorWakeUp}).
 *
 * <pre>{@code
 * @Bean
 * ConfigurerModule projections(ConsumingProcessors processors) {
 *     return processors.readingPublicTopics("directory", "programmes").deadLettersInMongo().batchSize(500).module();
 * }
 * }</pre>
 */
public final class ConsumingProcessors {

    private final ListableBeanFactory beans;

    public ConsumingProcessors(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Processors for {@code groups} (each group is also its processor's name), fed by the public topics. */
    public Wiring readingPublicTopics(String... groups) {
        return new Wiring(List.of(groups));
    }

    /** How the processors of some groups are wired; {@link #module()} registers them. */
    public final class Wiring {

        private final List<String> groups;
        private int segments = 1;
        private int batchSize = 100;
        private boolean propagateErrors;
        private Function<String, SequencedDeadLetterQueue<EventMessage<?>>> deadLetters;

        private Wiring(List<String> groups) {
            this.groups = groups;
        }

        public Wiring segments(int segments) {
            this.segments = segments;
            return this;
        }

        public Wiring batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Dead letters in the service's PostgreSQL, beside its event store and tokens. */
        public Wiring deadLettersInJdbc() {
            this.deadLetters = group -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(group)
                    .connectionProvider(beans.getBean(ConnectionProvider.class))
                    .transactionManager(beans.getBean(TransactionManager.class))
                    .schema(beans.getBean(DeadLetterSchema.class))
                    .genericSerializer(beans.getBean("serializer", Serializer.class))
                    .eventSerializer(beans.getBean("eventSerializer", Serializer.class))
                    .build();
            return this;
        }

        /** Dead letters in the read database, beside the views and tokens (a service without PostgreSQL). */
        public Wiring deadLettersInMongo() {
            this.deadLetters = group -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(group)
                    .mongoTemplate(DefaultMongoTemplate.builder()
                            .mongoDatabase(beans.getBean(ReadModelAutoConfiguration.READ_DATABASE, MongoDatabase.class))
                            .build())
                    .serializer(beans.getBean("serializer", Serializer.class))
                    .build();
            return this;
        }

        /**
         * A failure outside the dead-lettering (a flush to the view store, say) fails the batch, so that
         * its token stays and the batch is handled again.
         */
        public Wiring propagatingErrors() {
            this.propagateErrors = true;
            return this;
        }

        public ConfigurerModule module() {
            if (deadLetters == null) {
                throw new IllegalStateException("choose where " + groups + " park their dead letters");
            }
            return configurer -> {
                EventProcessingConfigurer processing = configurer.eventProcessing();
                for (String group : groups) {
                    register(processing, group);
                }
            };
        }

        private void register(EventProcessingConfigurer processing, String group) {
            PublicEventSources sources = beans.getBean(PublicEventSources.class);
            CoordinatorWakeUp coordinator = new CoordinatorWakeUp(group);
            processing.registerPooledStreamingEventProcessor(group,
                            config -> sources.reading(HandledTypes.ofProcessingGroup(beans, group)),
                            (config, builder) -> builder.initialSegmentCount(segments).batchSize(batchSize)
                                    .coordinatorExecutor(coordinator))
                    .registerDeadLetterQueue(group, config -> deadLetters.apply(group))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (config, builder) -> builder.enableSequenceIdentifierCache())
                    .registerEventHandler(config -> new UnreadableEvents(group))
                    .assignHandlerInstancesMatching(group,
                            handler -> handler instanceof UnreadableEvents unreadable
                                    && unreadable.processingGroup().equals(group))
                    .registerHandlerInterceptor(group, config -> coordinator.onBatchStart())
                    .registerHandlerInterceptor(group, config -> BatchedDocuments.flushAtEndOfBatch());
            if (propagateErrors) {
                processing.registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
            }
        }
    }
}
