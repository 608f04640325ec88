package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's data map stores its documents in the file: as BSON, byte for byte as the server's own
 * encoder writes it ({@link BsonBytes}), so a document reads back ({@link BsonParser}) exactly as a client would
 * have sent it. The library's map stores them with Java serialisation, which at every commit wrote each changed
 * document through an {@code ObjectOutputStream} (a seventh of the application's CPU in a projection rebuild, and
 * much of the memory churned under commands) and read them back through reflection.
 * <p>
 * A document is read back as its bytes ({@link RawDocuments}), and read into a document only when asked for: a page
 * read from the file holds many documents besides the one a query wants, and a rebuild replaces most of what it
 * reads back without reading it. One kept as its bytes is written as they are.
 * <p>
 * Each value starts with a tag byte that the library's {@link ObjectDataType} never writes (its tags
 * end at 119), so a document that an older version or the library's backend wrote is still read the
 * old way; it is written as BSON the next time it changes. A file written here cannot be opened by the
 * library's backend or an older Ścieżka (README, "Upgrading").
 */
final class BsonDocuments extends BasicDataType<Document> {

    static final byte BSON = 126;

    private final ObjectDataType older = new ObjectDataType();
    private final ThreadLocal<BsonBytes> encoding = ThreadLocal.withInitial(BsonBytes::new);

    /** What MVStore's cache counts a document as: twice its encoded size on average, as the library's type does. */
    private volatile int averageMemory = 10_000;

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] asSent = RawDocuments.bson(document);
        if (asSent != null) {
            buffer.put(BSON).put(asSent);
            counted(asSent.length);
            return;
        }
        BsonBytes encoded = encoding.get().write(document);
        buffer.put(BSON).put(encoded.array(), 0, encoded.length());
        counted(encoded.length());
        encoded.shrink();
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return (Document) older.read(buffer);
        }
        // BSON opens with its own length, little-endian, counting those four bytes
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
        byte[] bson = new byte[length];
        buffer.get(start + 1, bson);
        buffer.position(start + 1 + length);
        counted(length);
        return RawDocuments.of(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private void counted(int length) {
        averageMemory = (int) ((2L * length + 15L * averageMemory) / 16);
    }
}
