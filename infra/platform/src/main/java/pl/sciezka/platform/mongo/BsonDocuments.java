package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's data map stores its documents in the file: as BSON, with the server's own encoder,
 * so a document reads back exactly as a client would have sent it. The library's map stores them with
 * Java serialisation, which at every commit wrote each changed document through an
 * {@code ObjectOutputStream} (a seventh of the application's CPU in a projection rebuild, and much of
 * the memory churned under commands) and read them back through reflection.
 * <p>
 * Each value starts with a tag byte that the library's {@link ObjectDataType} never writes (its tags
 * end at 119), so a document that an older version or the library's backend wrote is still read the
 * old way; it is written as BSON the next time it changes. A file written here cannot be opened by the
 * library's backend or an older Ścieżka (README, "Upgrading").
 */
final class BsonDocuments extends BasicDataType<Document> {

    static final byte BSON = 126;

    private static final int LARGEST_KEPT_BUFFER = 1 << 20;

    private final ObjectDataType older = new ObjectDataType();
    private final ThreadLocal<ByteBuf> encoding = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** What MVStore's cache counts a document as: twice its encoded size on average, as the library's type does. */
    private volatile int averageMemory = 10_000;

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = encoding.get();
        encoded.clear();
        BsonEncoder.encodeDocument(document, encoded);
        int length = encoded.readableBytes();
        buffer.put(BSON).put(encoded.array(), encoded.arrayOffset(), length);
        counted(length);
        if (encoded.capacity() > LARGEST_KEPT_BUFFER) {
            encoding.remove();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return (Document) older.read(buffer);
        }
        // BSON opens with its own length, little-endian, counting those four bytes
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start + 1, length)));
        buffer.position(start + 1 + length);
        counted(length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private void counted(int length) {
        averageMemory = (int) ((2L * length + 15L * averageMemory) / 16);
    }
}
