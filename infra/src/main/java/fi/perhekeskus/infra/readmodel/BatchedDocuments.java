package fi.perhekeskus.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SequencedDocuments} for projections that replay fast. The updates of a processor batch
 * are queued and written as one ordered bulk per collection when the batch's last event has been
 * handled — before the batch commits and its token moves. The sequence guard is applied in memory:
 * one lookup of the documents' last sequence numbers by id (an indexed query), then each update is
 * kept only if its event is newer, so a redelivered or replayed event still counts once. (The
 * local Mongo-protocol server scans the collection for a filter on id plus sequence; by id alone it
 * uses the index.) A document's successive updates in a batch are folded into one write
 * ({@link FoldedUpdate}), so a replay writes each document about once per batch, and a document
 * that does not exist yet is inserted whole (an insert costs the local server far less than an
 * upsert). Only for views with a single writer per document (its aggregate's events go to one thread) whose
 * handlers do not read what they wrote earlier in the same batch.
 *
 * <p>The queued updates are written when the unit of work commits, once, whether or not the
 * processor registered anything, so no write is lost to a forgotten registration. Consuming
 * processors also get {@link #flushAtEndOfBatch()} ({@code ConsumingProcessors}), which writes them
 * while the batch's last event is handled: a pooled processor stores its token first at commit,
 * and in a store without transactions a failed write there would already have moved the token.
 */
public final class BatchedDocuments {

    private static final String PENDING = BatchedDocuments.class.getName() + ".pending";

    private record Update(String id, long sequence, Bson update) {
    }

    private BatchedDocuments() {
    }

    public static void apply(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        if (!CurrentUnitOfWork.isStarted()) {
            SequencedDocuments.apply(collection, id, sequence, update);
            return;
        }
        pending(CurrentUnitOfWork.get().root()).computeIfAbsent(collection, c -> new ArrayList<>())
                .add(new Update(id, sequence, update));
    }

    /** Writes the batch's queued updates after its last event is handled (and inside its error handling). */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flush(unitOfWork.root());
            }
            return result;
        };
    }

    private static void flush(UnitOfWork<?> unitOfWork) {
        Map<MongoCollection<Document>, List<Update>> pending = unitOfWork.getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        for (Map.Entry<MongoCollection<Document>, List<Update>> entry : pending.entrySet()) {
            MongoCollection<Document> collection = entry.getKey();
            Map<String, Long> applied = new HashMap<>();
            List<String> ids = entry.getValue().stream().map(Update::id).distinct().toList();
            for (Document d : collection.find(Filters.in("_id", ids)).projection(Projections.include(SequencedDocuments.SEQUENCE))) {
                applied.put(d.getString("_id"), SequencedDocuments.sequenceOf(d));
            }
            // One write per document where its updates fold; a document's writes stay in event order.
            Map<String, Write> open = new LinkedHashMap<>();
            List<Write> writes = new ArrayList<>();
            for (Update u : entry.getValue()) {
                if (u.sequence() <= applied.getOrDefault(u.id(), -1L)) {
                    continue;
                }
                boolean exists = applied.containsKey(u.id());
                applied.put(u.id(), u.sequence());
                BsonDocument update = u.update().toBsonDocument(BsonDocument.class, collection.getCodecRegistry());
                Write write = open.get(u.id());
                if (write == null || write.fold == null || !write.fold.absorb(update)) {
                    // A document's first write is an insert when it does not exist yet (a replay, mostly).
                    boolean create = write == null && !exists;
                    write = new Write(u.id(), new FoldedUpdate(), null, create);
                    if (!write.fold.absorb(update)) {
                        write = new Write(u.id(), null, update, false);
                    }
                    open.put(u.id(), write);
                    writes.add(write);
                }
                write.sequence = u.sequence();
            }
            if (!writes.isEmpty()) {
                collection.withDocumentClass(BsonDocument.class).bulkWrite(writes.stream().map(Write::model).toList(),
                        new BulkWriteOptions().ordered(true));
            }
        }
        pending.clear();
    }

    /** A document's write: folded updates (inserted as a new document where it can be), or one update that does not fold. */
    private static final class Write {
        final String id;
        final FoldedUpdate fold;
        final BsonDocument single;
        final boolean create;
        long sequence;

        Write(String id, FoldedUpdate fold, BsonDocument single, boolean create) {
            this.id = id;
            this.fold = fold;
            this.single = single;
            this.create = create;
        }

        WriteModel<BsonDocument> model() {
            if (create) {
                Optional<BsonDocument> document = fold.asNewDocument();
                if (document.isPresent()) {
                    BsonDocument created = new BsonDocument("_id", new BsonString(id));
                    created.putAll(document.get());
                    created.put(SequencedDocuments.SEQUENCE, new BsonInt64(sequence));
                    return new InsertOneModel<>(created);
                }
            }
            Bson update = fold != null ? fold.toUpdate() : single;
            return new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.combine(update, Updates.set(SequencedDocuments.SEQUENCE, sequence)),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The unit of work's queue; the first update queued also registers its flush at commit. */
    private static Map<MongoCollection<Document>, List<Update>> pending(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            unitOfWork.onPrepareCommit(BatchedDocuments::flush);
            return new LinkedHashMap<>();
        });
    }
}
