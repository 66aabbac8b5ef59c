package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Index keys ordered by their values (MongoDB's order of values, element by element, each element
 * ascending or descending as its index key says), stored as
 * UTF-8 when the key is one string (an id), else as a BSON array (values BSON cannot hold, such as a missing field of a sparse index, in H2's generic
 * object format). Comparing never serializes.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    /** All ascending: the unique indexes (their files were written in this order). */
    static final KeyValueType INSTANCE = new KeyValueType(new boolean[0]);
    private static final byte BSON = 1;
    private static final byte SERIALIZED = 0;
    private static final byte STRING = 2;

    private static final ValueComparator VALUES = ValueComparator.asc();
    private final ObjectDataType storage = new ObjectDataType();

    /**
     * Bounds of a range scan, never stored: below and above every value of their element, whatever
     * the element's direction.
     */
    enum Bound { LOWEST, HIGHEST }

    private final boolean[] descending;

    private KeyValueType(boolean[] descending) {
        this.descending = descending;
    }

    /** Keys whose element {@code i} descends where {@code descending[i]}; elements beyond ascend. */
    static KeyValueType ordered(boolean[] descending) {
        return new KeyValueType(descending.clone());
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a.size() == 1 && b.size() == 1 && a.get(0) instanceof String x && b.get(0) instanceof String y
                && !descends(0)) {
            // Ids: the comparison every lookup makes a dozen times, as the value order has it.
            return x.compareTo(y);
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Bound || y instanceof Bound) {
                c = Integer.compare(rank(x), rank(y));
            } else {
                c = VALUES.compare(x, y);
                if (descends(i)) {
                    c = -c;
                }
            }
            if (c != 0) {
                return c;
            }
        }
        // A bound that reaches past a key's last element still lies below or above it.
        if (a.size() > common && a.get(common) instanceof Bound bound) {
            return rank(bound);
        }
        if (b.size() > common && b.get(common) instanceof Bound bound) {
            return -rank(bound);
        }
        return Integer.compare(a.size(), b.size());
    }

    private boolean descends(int element) {
        return element < descending.length && descending[element];
    }

    private static int rank(Object value) {
        return value == Bound.LOWEST ? -1 : value == Bound.HIGHEST ? 1 : 0;
    }

    @Override
    public int getMemory(KeyValue key) {
        return 24 + 48 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (key.size() == 1 && key.get(0) instanceof String id) {
            // The usual key, an id: H2 rewrites every key of a changed page, so this path is kept short.
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            buffer.put(STRING).putVarInt(utf8.length).put(utf8);
            return;
        }
        byte[] bson = bson(key);
        if (bson != null) {
            buffer.put(BSON).putVarInt(bson.length).put(bson);
        } else {
            buffer.put(SERIALIZED);
            storage.write(buffer, key);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte format = buffer.get();
        if (format == SERIALIZED) {
            return (KeyValue) storage.read(buffer);
        }
        if (format == STRING) {
            byte[] utf8 = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(utf8);
            return new KeyValue(new String(utf8, StandardCharsets.UTF_8));
        }
        byte[] bson = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bson);
        return new KeyValue((List<?>) BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)).get("k"));
    }

    /** The key's values as a BSON array (null included), or null for values BSON cannot hold (a missing field). */
    private static byte[] bson(KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        for (Object value : key) {
            if (value instanceof Missing) {
                return null;
            }
            values.add(value);
        }
        ByteBuf buffer = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(new Document("k", values), buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } catch (RuntimeException notEncodable) {
            return null;
        } finally {
            buffer.release();
        }
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
