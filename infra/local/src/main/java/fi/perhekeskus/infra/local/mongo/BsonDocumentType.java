package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * Stored documents as BSON, the encoding the server already speaks on the wire, instead of Java
 * serialization: H2 rewrites every document of a changed page when it commits, so the encoding's
 * cost is paid many times per write.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        // An estimate for H2's page cache: a decoded document of a read view is about this size.
        return 1024;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.putVarInt(length);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public int compare(Document a, Document b) {
        // Values are never ordered; H2 asks only whether a value is unchanged.
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
