package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A non-unique index, of one key or several, each ascending or descending: an H2 map whose keys are
 * the document's (normalized) values followed by its position, so that equal values sort by
 * position and every key is distinct. The stock server ignores such indexes (every query scanned
 * the collection); {@link QueryPlan} reads them by prefix and range, in key order.
 *
 * <p>An array field yields one key per element (a multikey index). An empty array yields a key with
 * null in its place, so that a scan over the other keys still finds the document; the query filter
 * that runs after every scan drops it where it does not match. Once an index holds an array it no
 * longer serves sorts (whether it does is kept in the collection's metadata, across restarts).
 */
final class SecondaryIndex extends Index<Object> implements ScannableIndex {

    private final MVMap<KeyValue, Boolean> map;
    private final MVMap<String, Object> meta;
    private final String multikeyFlag;
    private final boolean[] descending;
    private volatile boolean multikey;

    SecondaryIndex(MVMap<KeyValue, Boolean> map, MVMap<String, Object> meta, String name, List<IndexKey> keys,
                   boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.meta = meta;
        this.multikeyFlag = "multikey." + name;
        this.descending = storedOrder(keys);
        if (map.isEmpty()) {
            // Rebuilt from the documents when added to the collection: the flag is found again.
            meta.remove(multikeyFlag);
        }
        this.multikey = Boolean.TRUE.equals(meta.get(multikeyFlag));
    }

    /** The map's key order: each index key's direction, then the position ascending. */
    static boolean[] storedOrder(List<IndexKey> keys) {
        boolean[] descending = new boolean[keys.size() + 1];
        for (int i = 0; i < keys.size(); i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        return descending;
    }

    @Override
    public boolean[] storedDescending() {
        return descending;
    }

    @Override
    public boolean yieldsKeyOrder() {
        return !multikey;
    }

    @Override
    public boolean needsEveryKeyBound() {
        return false;
    }

    @Override
    public boolean plannable() {
        return !isSparse();
    }

    @Override
    public Iterator<Object> positions(KeyValue from, KeyValue to, boolean reverse) {
        Cursor<KeyValue, Boolean> cursor = reverse ? map.cursor(to, from, true) : map.cursor(from, to, false);
        int position = getKeys().size();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Object next() {
                return cursor.next().get(position);
            }
        };
    }

    /** The document's keys without its position: one, or one per element of its array field. */
    private Set<KeyValue> keysOf(Document document) {
        List<String> fields = keys();
        List<Object> values = new ArrayList<>(fields.size());
        int arrays = 0;
        int array = -1;
        for (int i = 0; i < fields.size(); i++) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, fields.get(i));
            if (value instanceof Collection) {
                arrays++;
                array = i;
            }
            values.add(value);
        }
        if (arrays == 0) {
            return Set.of(new KeyValue(values).normalized());
        }
        Set<KeyValue> keys = new LinkedHashSet<>();
        if (arrays > 1) {
            // Arrays in several keys: the stock expansion, which refuses parallel arrays.
            keys.addAll(getKeyValues(document));
        } else {
            for (Object element : (Collection<?>) values.get(array)) {
                List<Object> one = new ArrayList<>(values);
                one.set(array, element);
                keys.add(new KeyValue(one).normalized());
            }
        }
        if (keys.isEmpty()) {
            List<Object> placeholder = new ArrayList<>(values);
            placeholder.replaceAll(v -> v instanceof Collection ? null : v);
            keys.add(new KeyValue(placeholder).normalized());
        }
        return keys;
    }

    private boolean skipped(Document document) {
        return isSparse() && keys().stream().allMatch(k -> Utils.getSubdocumentValue(document, k) instanceof Missing);
    }

    private static KeyValue withPosition(KeyValue key, Object position) {
        List<Object> values = new ArrayList<>(key.size() + 1);
        key.forEach(values::add);
        values.add(position);
        return new KeyValue(values);
    }

    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    private void addKeys(Document document, Set<KeyValue> keys, Object position) {
        // Even one element, or none, is an array: it sorts as the array does, not as its key.
        if (hasArray(document)) {
            markMultikey();
        }
        for (KeyValue key : keys) {
            map.put(withPosition(key, position), Boolean.TRUE);
        }
    }

    private void markMultikey() {
        if (!multikey) {
            multikey = true;
            meta.put(multikeyFlag, Boolean.TRUE);
        }
    }

    @Override
    public Object getPosition(Document document) {
        // Positions of a document are found through the id index; this one holds many per key.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        if (!skipped(document)) {
            keysOf(document);
        }
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (skipped(document)) {
            return;
        }
        addKeys(document, keysOf(document), position);
    }

    private boolean hasArray(Document document) {
        return keys().stream().anyMatch(k -> Utils.getSubdocumentValueCollectionAware(document, k) instanceof Collection);
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        if (skipped(document)) {
            return null;
        }
        for (KeyValue key : keysOf(document)) {
            map.remove(withPosition(key, position));
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        // Chosen by the collection's planner, which reads ranges and orders; the stock loop never picks it.
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("read through QueryPlan");
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

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        checkAdd(newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) throws KeyConstraintError {
        Set<KeyValue> before = skipped(oldDocument) ? Set.of() : keysOf(oldDocument);
        Set<KeyValue> after = skipped(newDocument) ? Set.of() : keysOf(newDocument);
        if (!after.isEmpty() && hasArray(newDocument)) {
            markMultikey();
        }
        if (before.equals(after)) {
            return;
        }
        for (KeyValue key : before) {
            if (!after.contains(key)) {
                map.remove(withPosition(key, position));
            }
        }
        if (!after.isEmpty()) {
            addKeys(newDocument, after, position);
        }
    }

    @Override
    public void drop() {
        meta.remove(multikeyFlag);
    }

    @Override
    public boolean isUnique() {
        return false;
    }
}
