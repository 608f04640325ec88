package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** A document goes into the file as BSON and comes back equal; one the library Java-serialised is still read. */
class BsonDocumentsTest {

    private final BsonDocuments documents = new BsonDocuments();

    @Test
    void readsBackEveryKindOfValueAsWritten() {
        Document written = new Document("_id", "case-1")
                .append("name", "Kowalska — Łódź")
                .append("count", 7)
                .append("version", 1L << 40)
                .append("share", 0.25)
                .append("cost", Decimal128.fromNumber(new BigDecimal("1234.56")))
                .append("closed", false)
                .append("nothing", null)
                .append("object", new ObjectId())
                .append("at", Instant.parse("2026-12-06T03:30:00.123Z"))
                .append("token", UUID.randomUUID())
                .append("stamp", new BsonTimestamp(42L))
                .append("lowest", MinKey.getInstance())
                .append("highest", MaxKey.getInstance())
                .append("members", List.of(new Document("role", "mother"), new Document("role", "son"), List.of(1, 2)))
                .append("nested", new Document("deeper", new Document("deepest", "x")));

        ByteBuffer stored = stored(written, documents::write);

        assertThat(stored.get(0)).as("the tag of a BSON value").isEqualTo(BsonDocuments.BSON);
        Document read = documents.read(stored);
        assertThat(RawDocuments.bson(read)).as("read back as its bytes").isEqualTo(bson(written));
        read = RawDocuments.expanded(read);
        assertThat(read).isEqualTo(written);
        assertThat(List.copyOf(read.keySet())).as("fields in their order").isEqualTo(List.copyOf(written.keySet()));
        assertThat(stored.remaining()).as("the whole value was read, and no more").isZero();
    }

    @Test
    void readsADocumentTheLibraryJavaSerialised() {
        Document written = new Document("_id", "case-2").append("members", List.of(new Document("role", "father")))
                .append("count", 3);
        ObjectDataType library = new ObjectDataType();

        ByteBuffer stored = stored(written, library::write);

        assertThat(stored.get(0)).isNotEqualTo(BsonDocuments.BSON);
        assertThat(documents.read(stored)).isEqualTo(written);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void readsTwoValuesInARowAsAPageHoldsThem() {
        Document first = new Document("_id", "a").append("n", 1);
        Document second = new Document("_id", "b").append("n", 2);
        WriteBuffer buffer = new WriteBuffer();
        documents.write(buffer, first);
        new ObjectDataType().write(buffer, second);
        documents.write(buffer, first);
        ByteBuffer stored = buffer.getBuffer().flip();

        assertThat(List.of(documents.read(stored), documents.read(stored), documents.read(stored)).stream()
                .map(RawDocuments::expanded).toList()).isEqualTo(List.of(first, second, first));
        assertThat(stored.hasRemaining()).isFalse();
    }

    @Test
    void readsADocumentFromADirectBufferAsFromTheHeap() {
        Document written = new Document("_id", "case-1").append("entries", List.of(new Document("n", 1)));
        ByteBuffer heap = stored(written, documents::write);
        ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining()).put(heap.duplicate()).flip();

        assertThat(RawDocuments.expanded(documents.read(direct))).isEqualTo(written)
                .isEqualTo(RawDocuments.expanded(documents.read(heap)));
        assertThat(direct.hasRemaining()).isFalse();
    }

    /** A document kept as the bytes it came as goes into the file as those bytes, and reads back as them. */
    @Test
    void writesADocumentKeptAsItsBytesAsTheyAre() {
        byte[] asSent = bson(new Document("_id", "case-3").append("n", 1));
        asSent[asSent.length - 5] = 2; // n, the last field's int, is 2 now: only the bytes can say so

        ByteBuffer stored = stored(RawDocuments.of(asSent), documents::write);

        assertThat(stored.get(0)).isEqualTo(BsonDocuments.BSON);
        Document read = documents.read(stored);
        assertThat(RawDocuments.bson(read)).isEqualTo(asSent);
        assertThat(RawDocuments.expanded(read)).isEqualTo(new Document("_id", "case-3").append("n", 2))
                .as("read once, as a stored document was").isSameAs(RawDocuments.expanded(read));
        assertThat(stored.hasRemaining()).isFalse();
    }

    private static byte[] bson(Document document) {
        BsonBytes encoded = new BsonBytes().write(document);
        return Arrays.copyOf(encoded.array(), encoded.length());
    }

    private static ByteBuffer stored(Document document, BiConsumer<WriteBuffer, Document> writer) {
        WriteBuffer buffer = new WriteBuffer();
        writer.accept(buffer, document);
        return buffer.getBuffer().flip();
    }
}
