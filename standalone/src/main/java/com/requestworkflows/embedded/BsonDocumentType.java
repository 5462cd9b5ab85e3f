package com.requestworkflows.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * How the view store keeps documents in its file: as BSON, which the server decodes from the wire anyway, instead
 * of H2's default Java serialization, which costs several times the bytes and the CPU (and serialized every document
 * once more only to estimate its memory). Documents written by earlier builds (Java-serialized) are still read;
 * they are written back as BSON with the next change to their page.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Leads every BSON value; no tag of H2's {@link ObjectDataType} (the earlier format) has this value. */
    private static final byte BSON = (byte) 0xFF;
    private static final int BSON_LENGTH_BYTES = 4;

    /** One growing buffer per writing thread: a fresh one per document was a tenth of the writing. */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private final ObjectDataType earlierFormat = new ObjectDataType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) earlierFormat.read(buffer);
        }
        int start = buffer.position() + 1;
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        if (length < BSON_LENGTH_BYTES + 1 || start + length > buffer.limit()) {
            throw new IllegalStateException("Corrupt document in the view store: BSON length " + length);
        }
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return document;
    }

    /** An estimate (the cache and page sizes are measured by it), not the exact size: exact would mean encoding. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + 2 * String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 32;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2 * text.length();
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
