package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A unique index over an H2 map keyed by {@link KeyValue}s that compare as values ({@link KeyValueType},
 * all ascending, whatever the declared directions). Exact lookups go the stock way; {@link QueryPlan}
 * scans it only when a query binds every key, because a document with an empty array in a key field
 * has no entry here.
 */
final class KeyValueIndex extends AbstractUniqueIndex<Object> implements ScannableIndex {

    private final MVMap<KeyValue, Object> map;

    KeyValueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public boolean[] storedDescending() {
        return new boolean[getKeys().size()];
    }

    @Override
    public boolean yieldsKeyOrder() {
        // Only the id is known never to be an array.
        return keys().equals(List.of("_id"));
    }

    @Override
    public boolean needsEveryKeyBound() {
        return true;
    }

    @Override
    public boolean plannable() {
        return !isSparse();
    }

    @Override
    public Iterator<Object> positions(KeyValue from, KeyValue to, boolean reverse) {
        Cursor<KeyValue, Object> cursor = reverse ? map.cursor(to, from, true) : map.cursor(from, to, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Object next() {
                cursor.next();
                return cursor.getValue();
            }
        };
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
