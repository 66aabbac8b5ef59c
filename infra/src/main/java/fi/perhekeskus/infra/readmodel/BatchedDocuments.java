package fi.perhekeskus.infra.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.bulk.BulkWriteError;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 *
 * <p>A collection emptied for a rebuild ({@link #rebuilding}) is written first by inserts: a
 * document whose updates in the batch fold into a new one is inserted without the lookup, and the
 * store's unique id refuses it where it exists already (written by an earlier batch, or by this
 * batch before a failure); those documents, and every update that does not fold, are then written
 * as above, with the lookup and the sequence guard. So the outcome never depends on the mode, only
 * the number of round trips does; once the inserts are refused often, the collection leaves it.
 */
public final class BatchedDocuments {

    private static final String PENDING = BatchedDocuments.class.getName() + ".pending";

    private record Update(String id, long sequence, Bson update) {
    }

    /** Collections being rebuilt into from empty: their new documents are inserted without a lookup. */
    private static final Set<MongoNamespace> REBUILDING = ConcurrentHashMap.newKeySet();
    private static final int DUPLICATE_KEY = 11000;

    private BatchedDocuments() {
    }

    /**
     * The collection has just been emptied (dropped, say) for a rebuild from the first event: until
     * its inserts are often refused, documents are inserted without first looking them up.
     */
    public static void rebuilding(MongoCollection<?> collection) {
        REBUILDING.add(collection.getNamespace());
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
            List<Update> updates = entry.getValue();
            if (REBUILDING.contains(collection.getNamespace())) {
                updates = insertNew(collection, updates);
            }
            if (!updates.isEmpty()) {
                write(collection, updates);
            }
        }
        pending.clear();
    }

    /**
     * Inserts the documents whose updates fold into a new document, unordered; returns the updates
     * still to be written with the lookup: those that do not fold, and those of documents the store
     * refused as existing.
     */
    private static List<Update> insertNew(MongoCollection<Document> collection, List<Update> updates) {
        Map<String, List<Update>> byId = new LinkedHashMap<>();
        for (Update u : updates) {
            byId.computeIfAbsent(u.id(), id -> new ArrayList<>()).add(u);
        }
        List<String> inserted = new ArrayList<>();
        List<BsonDocument> documents = new ArrayList<>();
        for (Map.Entry<String, List<Update>> e : byId.entrySet()) {
            Optional<BsonDocument> created = asNewDocument(collection, e.getKey(), e.getValue());
            if (created.isPresent()) {
                inserted.add(e.getKey());
                documents.add(created.get());
            }
        }
        if (documents.isEmpty()) {
            return updates;
        }
        Set<String> refused = new HashSet<>();
        try {
            collection.withDocumentClass(BsonDocument.class).bulkWrite(
                    documents.stream().map(d -> (WriteModel<BsonDocument>) new InsertOneModel<>(d)).toList(),
                    new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Unordered: every insert was tried, and the refused ones are listed. (The local server's
            // count of inserted documents includes the refused ones, so it is not read.)
            if (!e.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                refused.add(inserted.get(error.getIndex()));
            }
            if (refused.size() * 4 > documents.size()) {
                REBUILDING.remove(collection.getNamespace());
            }
        }
        Set<String> written = new HashSet<>(inserted);
        written.removeAll(refused);
        return written.isEmpty() ? updates : updates.stream().filter(u -> !written.contains(u.id())).toList();
    }

    /** The document a missing one becomes by {@code updates} (one document's, in event order), if they fold. */
    private static Optional<BsonDocument> asNewDocument(MongoCollection<Document> collection, String id,
                                                        List<Update> updates) {
        FoldedUpdate fold = new FoldedUpdate();
        long last = -1;
        for (Update u : updates) {
            if (u.sequence() <= last) {
                continue;
            }
            if (!fold.absorb(u.update().toBsonDocument(BsonDocument.class, collection.getCodecRegistry()))) {
                return Optional.empty();
            }
            last = u.sequence();
        }
        Optional<BsonDocument> document = fold.asNewDocument();
        if (document.isEmpty()) {
            return Optional.empty();
        }
        BsonDocument created = new BsonDocument("_id", new BsonString(id));
        created.putAll(document.get());
        created.put(SequencedDocuments.SEQUENCE, new BsonInt64(last));
        return Optional.of(created);
    }

    /** The updates written with the sequence guard: one lookup of the documents, then one ordered bulk. */
    private static void write(MongoCollection<Document> collection, List<Update> updates) {
        Map<String, Long> applied = new HashMap<>();
        List<String> ids = updates.stream().map(Update::id).distinct().toList();
        for (Document d : collection.find(Filters.in("_id", ids)).projection(Projections.include(SequencedDocuments.SEQUENCE))) {
            applied.put(d.getString("_id"), SequencedDocuments.sequenceOf(d));
        }
        // One write per document where its updates fold; a document's writes stay in event order.
        Map<String, Write> open = new LinkedHashMap<>();
        List<Write> writes = new ArrayList<>();
        for (Update u : updates) {
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
