package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 file backend with unique indexes whose keys compare as values. The stock
 * index keeps its keys in an H2 map of Java-serialized objects and serializes both keys again for
 * every comparison of a lookup; that was most of the local read store's CPU, and replays and
 * projections write by id. The documents and their storage are the stock backend's. These indexes
 * live in maps of their own name: on data written before, they start empty and are rebuilt from the
 * collection's documents when it is opened.
 */
public final class IndexedH2Backend extends H2Backend {

    static final String INDEX_MAP_INFIX = "._kvindex_";

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    public static IndexedH2Backend open(String fileName) {
        return new IndexedH2Backend(new MVStore.Builder().fileName(fileName).open());
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
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(indexMapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new KeyValueIndex(map, indexName, keys, sparse);
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
