package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection whose stored documents the query engine never shares: it keeps a deep copy of what it
 * is given and hands out deep copies. The engine builds an updated document from a shallow copy of
 * the stored one and then changes the stored one in place to match, while H2 may be encoding it on
 * its background writer; sharing them made that writer fail (a concurrent modification) and close
 * the store.
 *
 * <p>Queries are planned over every index that can be scanned ({@link QueryPlan}): the stock engine
 * uses an index only for an exact match of all its keys and scans the collection for anything else.
 * Where the plan yields the requested order, documents are read lazily and skip and limit stop the
 * scan, so a page costs its size and not the number of matches.
 */
final class IsolatedH2Collection extends H2Collection {

    IsolatedH2Collection(MongoDatabase database, String name, CollectionOptions options,
                         MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        List<ScannableIndex> scannable = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof KeyValueIndex && index.canHandle(query)) {
                // An exact match of a unique index: the stock lookup.
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (index instanceof ScannableIndex s) {
                scannable.add(s);
            }
        }
        QueryPlan plan = scannable.isEmpty() ? null : QueryPlan.best(scannable, query, orderBy);
        if (plan == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Object> positions = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(plan.positions(), Spliterator.ORDERED), false);
        if (plan.yieldsRequestedOrder()) {
            return matchDocumentsFromStream(query, documents(positions), numberToSkip, limit, batchSize, null,
                    fieldSelector);
        }
        if (orderBy != null && !orderBy.isEmpty()) {
            // Sorted in memory: the stock comparator does not order every pair of arrays (an empty one
            // among them), so its result depends on the order it is fed. In storage order, as the
            // stock scan feeds it, the answer is the scan's.
            positions = positions.sorted(IsolatedH2Collection::storageOrder);
        }
        return matchDocumentsFromStream(documents(positions), query, orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    private Stream<Document> documents(Stream<Object> positions) {
        return positions.map(this::getDocument).filter(Objects::nonNull);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int storageOrder(Object a, Object b) {
        return a instanceof Comparable first && b != null && a.getClass() == b.getClass()
                ? first.compareTo(b) : 0;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        return super.addDocumentInternal(document.cloneDeeply());
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored == null ? null : stored.cloneDeeply();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return super.streamAllDocumentsWithPosition()
                .map(d -> new DocumentWithPosition<>(d.getDocument().cloneDeeply(), d.getPosition()));
    }
}
