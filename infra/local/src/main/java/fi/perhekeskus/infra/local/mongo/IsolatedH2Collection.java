package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.stream.Stream;

/**
 * A collection whose stored documents the query engine never shares: it keeps a deep copy of what it
 * is given and hands out deep copies. The engine builds an updated document from a shallow copy of
 * the stored one and then changes the stored one in place to match, while H2 may be encoding it on
 * its background writer; sharing them made that writer fail (a concurrent modification) and close
 * the store.
 */
final class IsolatedH2Collection extends H2Collection {

    IsolatedH2Collection(MongoDatabase database, String name, CollectionOptions options,
                         MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
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
