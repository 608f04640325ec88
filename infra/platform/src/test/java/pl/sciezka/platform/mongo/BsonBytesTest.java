package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bytes written here are the library encoder's, for every kind of value and for random documents. */
class BsonBytesTest {

    private final BsonBytes bytes = new BsonBytes();

    @Test
    void writesEveryKindOfValueAsTheLibraryDoes() {
        assertSameAsLibrary(TestDocuments.ofEveryKind());
    }

    @Test
    void writesArraysLongerThanItsNamesMadeOnceAndDocumentsLargerThanItsFirstArray() {
        List<Object> manyValues = new ArrayList<>(IntStream.range(0, 2_500).boxed().toList());
        Document document = new Document("_id", "large").append("values", manyValues)
                .append("text", "ą".repeat(10_000) + "a".repeat(10_000));

        assertSameAsLibrary(document);
    }

    @Test
    void writesTheNextDocumentOverTheLastOneAndLetsALargeArrayGo() {
        bytes.write(new Document("_id", "a".repeat(2_000_000)));
        bytes.shrink();
        assertThat(bytes.array().length).isLessThan(50_000);

        assertSameAsLibrary(new Document("_id", "b").append("n", 1));
    }

    @Test
    void refusesWhatTheLibraryRefuses() {
        assertThatThrownBy(() -> bytes.write(new Document("missing", Missing.getInstance())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesRandomDocumentsAsTheLibraryDoes() {
        Random random = new Random(28);
        for (int i = 0; i < 2_000; i++) {
            assertSameAsLibrary(TestDocuments.random(random, 3));
        }
    }

    private void assertSameAsLibrary(Document document) {
        ByteBuf library = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, library);
        byte[] expected = new byte[library.readableBytes()];
        library.readBytes(expected);

        bytes.write(document);

        assertThat(Arrays.copyOf(bytes.array(), bytes.length())).isEqualTo(expected);
    }
}
