package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A document read here is the one the library's decoder reads from the same BSON: values, their classes, order. */
class BsonParserTest {

    private final BsonParser parser = new BsonParser();

    @Test
    void readsEveryKindOfValueAsTheLibraryDoes() {
        assertReadAsByLibrary(TestDocuments.ofEveryKind());
    }

    @Test
    void readsRandomDocumentsAsTheLibraryDoesThoughTheirNamesShareTheCache() {
        Random random = new Random(28);
        for (int i = 0; i < 3_000; i++) {
            assertReadAsByLibrary(TestDocuments.random(random, 3));
        }
    }

    @Test
    void refusesBsonThatIsNotWhatItsLengthSays() {
        byte[] bson = bson(new Document("a", 1));
        bson[0]++;

        assertThatThrownBy(() -> parser.parse(bson, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertReadAsByLibrary(Document document) {
        byte[] bson = bson(document);
        byte[] withPrefix = new byte[bson.length + 3];
        System.arraycopy(bson, 0, withPrefix, 3, bson.length);

        Document library = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        Document parsed = parser.parse(withPrefix, 3);

        assertSame(parsed, library);
    }

    /**
     * Equal values of the same classes, fields in the same order, all the way down (a list's class could differ
     * where its elements are equal; a regular expression has no equality of its own).
     */
    private static void assertSame(Object parsed, Object library) {
        assertThat(parsed == null ? null : parsed.getClass()).isEqualTo(library == null ? null : library.getClass());
        if (library instanceof Map<?, ?> fields) {
            assertThat(new ArrayList<>(((Map<?, ?>) parsed).keySet())).isEqualTo(new ArrayList<>(fields.keySet()));
            fields.forEach((name, value) -> assertSame(((Map<?, ?>) parsed).get(name), value));
        } else if (library instanceof List<?> values) {
            assertThat((List<?>) parsed).hasSameSizeAs(values);
            for (int i = 0; i < values.size(); i++) {
                assertSame(((List<?>) parsed).get(i), values.get(i));
            }
        } else if (library instanceof BsonRegularExpression pattern) {
            assertThat(((BsonRegularExpression) parsed).toDocument()).isEqualTo(pattern.toDocument());
        } else {
            assertThat(parsed).isEqualTo(library);
        }
    }

    private static byte[] bson(Document document) {
        ByteBuf encoded = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, encoded);
        byte[] bson = new byte[encoded.readableBytes()];
        encoded.readBytes(bson);
        return bson;
    }
}
