package fi.perhekeskus.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A processor batch against the real Mongo-protocol server: updates of one document fold into one
 * write with the same result as applying them one by one, a redelivered batch changes nothing, and
 * a batch is written when it commits even where no flush was registered.
 */
class BatchedDocumentsTest {

    @TempDir
    static Path dir;
    static ReadStore store;
    static MongoCollection<Document> views;

    @BeforeAll
    static void start() {
        store = new ReadStore(dir);
        views = store.collection("batched");
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void empty() {
        views.deleteMany(new Document());
    }

    record Change(String id, long seq, Bson update) {
    }

    private static final List<Change> LIFE = List.of(
            new Change("a", 0, Updates.combine(Updates.set("status", "REQUESTED"), Updates.set("municipality", "Tampere"))),
            new Change("b", 0, Updates.set("status", "REQUESTED")),
            new Change("a", 1, Updates.combine(Updates.set("status", "RECEIVED"), Updates.inc("moves", 1))),
            new Change("a", 2, Updates.combine(Updates.push("history", "received"), Updates.inc("moves", 1),
                    Updates.push("steps", new Document("step", "RECEIVED").append("by", "nurse")))),
            // $unset does not fold: it becomes a write of its own, in order.
            new Change("a", 3, Updates.unset("municipality")),
            new Change("a", 4, Updates.combine(Updates.set("status", "ACCEPTED"), Updates.push("history", "accepted"),
                    Updates.push("steps", new Document("step", "ACCEPTED")),
                    Updates.set("municipality", "Nokia"))),
            new Change("b", 1, Updates.set("status", "RECEIVED")));

    @Test
    void aFoldedBatchEqualsTheUpdatesAppliedOneByOne() {
        batch(LIFE);
        List<Document> batched = all();

        views.deleteMany(new Document());
        for (Change c : LIFE) {
            SequencedDocuments.apply(views, c.id(), c.seq(), c.update());
        }

        assertThat(batched).isEqualTo(all());
        assertThat(batched.get(0)).containsEntry("status", "ACCEPTED").containsEntry("moves", 2)
                .containsEntry("municipality", "Nokia").containsEntry("_seq", 4L);
        assertThat(batched.get(0).getList("history", String.class)).containsExactly("received", "accepted");
        assertThat(batched.get(0).getList("steps", Document.class)).containsExactly(
                new Document("step", "RECEIVED").append("by", "nurse"), new Document("step", "ACCEPTED"));
        assertThat(batched.get(1)).containsEntry("status", "RECEIVED").containsEntry("_seq", 1L);
    }

    @Test
    void aRedeliveredOrOlderEventCountsOnce() {
        batch(LIFE.subList(0, 4));
        batch(LIFE);
        batch(LIFE.subList(2, 4));

        Document a = all().get(0);
        assertThat(a).containsEntry("moves", 2).containsEntry("status", "ACCEPTED");
        assertThat(a.getList("history", String.class)).containsExactly("received", "accepted");
    }

    @Test
    void repeatsInOneBatchCountOnce() {
        List<Change> twice = new ArrayList<>(LIFE.subList(0, 4));
        twice.addAll(LIFE.subList(2, 4));
        batch(twice);

        assertThat(all().get(0)).containsEntry("moves", 2).containsEntry("_seq", 2L);
    }

    @Test
    void aCollectionBeingRebuiltGetsTheSameDocumentsWhereverItsInsertsAreRefused() {
        MongoCollection<Document> rebuilt = store.collection("rebuilt");
        rebuilt.drop();
        for (Change c : LIFE) {
            SequencedDocuments.apply(rebuilt, c.id(), c.seq(), c.update());
        }
        List<Document> expected = all(rebuilt);
        rebuilt.drop();
        BatchedDocuments.rebuilding(rebuilt);

        // A document's events over three batches, one of them redelivered whole, with a repeat.
        batch(rebuilt, LIFE.subList(0, 3));
        batch(rebuilt, LIFE.subList(2, 5));
        batch(rebuilt, LIFE);
        batch(rebuilt, LIFE.subList(5, 7));
        assertThat(all(rebuilt)).isEqualTo(expected);
    }

    @Test
    void aRefusedInsertAmongNewDocumentsIsWrittenAsAnUpdateOfTheExistingDocument() {
        MongoCollection<Document> rebuilt = store.collection("rebuilt-few");
        rebuilt.drop();
        BatchedDocuments.rebuilding(rebuilt);
        batch(rebuilt, List.of(new Change("b", 0, Updates.combine(Updates.set("status", "REQUESTED"),
                Updates.push("history", "made")))));
        List<Change> next = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            next.add(new Change("n" + i, 0, Updates.set("status", "REQUESTED")));
        }
        // b exists: its insert is refused, and its event is applied to it, once, after the guard.
        next.add(new Change("b", 1, Updates.combine(Updates.set("status", "RECEIVED"), Updates.push("history", "received"))));
        next.add(new Change("b", 0, Updates.combine(Updates.set("status", "REQUESTED"), Updates.push("history", "made"))));
        batch(rebuilt, next);

        List<Document> documents = all(rebuilt);
        assertThat(documents).hasSize(11);
        Document b = documents.get(0);
        assertThat(b).containsEntry("status", "RECEIVED").containsEntry("_seq", 1L);
        assertThat(b.getList("history", String.class)).containsExactly("made", "received");
        assertThat(documents.subList(1, 11)).allSatisfy(n -> assertThat(n).containsEntry("status", "REQUESTED")
                .containsEntry("_seq", 0L));
    }

    @Test
    void aBatchWithoutTheInterceptorIsWrittenWhenItCommits() {
        batchWithoutInterceptor(c -> assertThat(views.countDocuments()).as("queued, not yet written").isZero());

        List<Document> committed = all();
        views.deleteMany(new Document());
        batch(LIFE);
        assertThat(committed).hasSize(2).isEqualTo(all());
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        batchWithoutInterceptor(c -> {
            if (c.id().equals("b") && c.seq() == 1) {
                throw new IllegalStateException("handler failed");
            }
        });

        assertThat(views.countDocuments()).isZero();
    }

    @Test
    void aStreamingProcessorWithNoFlushRegisteredWritesItsViews() {
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Object projection = new Object() {
            @EventHandler
            void on(Change c) {
                BatchedDocuments.apply(views, c.id(), c.seq(), c.update());
            }
        };
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("no-flush-registered")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projection).build())
                .messageSource(events)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newSingleThreadScheduledExecutor())
                .batchSize(100)
                .build();
        processor.start();
        try {
            events.publish(LIFE.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(all()).hasSize(2)
                    .first().satisfies(a -> assertThat(a).containsEntry("status", "ACCEPTED").containsEntry("_seq", 4L)));
        } finally {
            processor.shutDown();
            events.shutDown();
        }
    }

    /** Runs {@link #LIFE} as one processor batch with no interceptor; {@code after} runs after each update. */
    private static void batchWithoutInterceptor(Consumer<Change> after) {
        List<EventMessage<?>> messages = LIFE.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        new BatchingUnitOfWork<>(messages).executeWithResult(() -> {
            Change c = (Change) CurrentUnitOfWork.get().getMessage().getPayload();
            BatchedDocuments.apply(views, c.id(), c.seq(), c.update());
            after.accept(c);
            return null;
        });
    }

    /** Runs the changes as one processor batch through the flushing interceptor. */
    private static void batch(List<Change> changes) {
        batch(views, changes);
    }

    private static void batch(MongoCollection<Document> collection, List<Change> changes) {
        List<EventMessage<?>> messages = changes.stream()
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        MessageHandler<EventMessage<?>> handler = message -> {
            Change c = (Change) message.getPayload();
            BatchedDocuments.apply(collection, c.id(), c.seq(), c.update());
            return null;
        };
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(BatchedDocuments.flushAtEndOfBatch()), handler).proceed());
    }

    private static List<Document> all() {
        return all(views);
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return collection.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
