package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 file backend, made fit for projections that replay. The stock backend keeps
 * index keys and documents as Java-serialized objects: it serializes both keys again for every
 * comparison of an index lookup, and every document of a page each time H2 writes the page. Here
 * index keys compare as values ({@link KeyValueType}) and documents are stored as BSON
 * ({@link BsonDocumentType}). Indexes that are not unique, which the stock server ignores, are kept
 * ({@link SecondaryIndex}), and queries read any index by prefix and range ({@link QueryPlan}); the
 * rest of the query engine is the stock one. Keys and documents live in maps of their own
 * name: a file written by the stock backend is read once and carried over when a collection is
 * opened (documents copied, indexes rebuilt from them).
 */
public final class IndexedH2Backend extends H2Backend {

    static final String INDEX_MAP_INFIX = "._kvindex_";
    static final String DATA_MAP_SUFFIX = "#bson";
    private static final int WRITE_BUFFER_KIB = 32 * 1024;
    private static final int CACHE_MIB = 64;

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    /**
     * H2 rewrites a changed page whole when it commits (every second): a larger write buffer lets a
     * page collect more changes before that (the default, 1 MiB, forced a commit every few hundred
     * documents), and a larger cache keeps the views' pages decoded.
     */
    public static IndexedH2Backend open(String fileName) {
        return new IndexedH2Backend(new MVStore.Builder().fileName(fileName)
                .autoCommitBufferSize(WRITE_BUFFER_KIB).cacheSize(CACHE_MIB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner, so that index maps can be opened while the stock constructor loads the collections. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getDatabaseName() + "." + collectionName;
            MVStore store = getMvStore();
            String name = "databases." + namespace + DATA_MAP_SUFFIX;
            boolean migrate = !store.hasMap(name) && store.hasMap("databases." + namespace);
            MVMap<Object, Document> documents = store.openMap(name,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            if (migrate) {
                // Written by the stock backend: copied once into the BSON map, then the old map goes.
                MVMap<Object, Document> old = store.openMap("databases." + namespace);
                documents.putAll(old);
                store.removeMap(old);
            }
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new IsolatedH2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            getMvStore().removeMap("databases." + getDatabaseName() + "." + collectionName + DATA_MAP_SUFFIX);
        }

        @Override
        public void moveCollection(de.bwaldvogel.mongo.MongoDatabase oldDatabase, MongoCollection<?> collection,
                                   String newCollectionName) {
            throw new MongoServerException("renaming a collection is not supported by the local read store");
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(indexMapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new KeyValueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            MVMap<KeyValue, Boolean> map = getMvStore().openMap(indexMapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Boolean>().keyType(KeyValueType.ordered(SecondaryIndex.storedOrder(keys))));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + getDatabaseName() + "." + collectionName);
            return new SecondaryIndex(map, meta, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName));
        }

        private String indexMapName(String collectionName, String indexName) {
            return getDatabaseName() + "." + collectionName + INDEX_MAP_INFIX + indexName;
        }
    }
}
