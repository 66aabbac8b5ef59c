package fi.perhekeskus.infra.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Idempotent projection writes for one document per aggregate: an event is applied only if its
 * sequence number is above the one the document last took. A redelivered or replayed event
 * matches no document, the upsert then collides with the existing id and is ignored — so applying
 * an event twice leaves the same view, without transactions (the local Mongo-protocol server has
 * none).
 */
public final class SequencedDocuments {

    public static final String SEQUENCE = "_seq";

    private SequencedDocuments() {
    }

    /** Applies {@code update} to document {@code id} for event {@code sequence}; false if it was applied before. */
    public static boolean apply(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        try {
            collection.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.lt(SEQUENCE, sequence)),
                    Updates.combine(update, Updates.set(SEQUENCE, sequence)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
