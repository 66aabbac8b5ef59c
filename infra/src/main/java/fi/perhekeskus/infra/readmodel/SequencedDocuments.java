package fi.perhekeskus.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Idempotent projection writes for one document per aggregate: an event is applied only if its
 * sequence number is above the one the document last took, so applying an event twice leaves the
 * same view, without transactions (the local Mongo-protocol server has none). The document is read
 * and written by id alone: the local server uses its index only for a filter on exactly the indexed
 * fields, and scans the collection for id plus sequence. That is safe because one processor thread
 * writes a given aggregate's document (events are sequenced per aggregate).
 */
public final class SequencedDocuments {

    public static final String SEQUENCE = "_seq";

    private SequencedDocuments() {
    }

    /** Applies {@code update} to document {@code id} for event {@code sequence}; false if it was applied before. */
    public static boolean apply(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        Document current = collection.find(Filters.eq("_id", id)).projection(Projections.include(SEQUENCE)).first();
        if (current != null && sequenceOf(current) >= sequence) {
            return false;
        }
        collection.updateOne(Filters.eq("_id", id), Updates.combine(update, Updates.set(SEQUENCE, sequence)),
                new UpdateOptions().upsert(true));
        return true;
    }

    /** The sequence number a view document last took; -1 when it took none. */
    public static long sequenceOf(Document document) {
        Number seq = document.get(SEQUENCE, Number.class);
        return seq == null ? -1 : seq.longValue();
    }
}
