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

    /**
     * An update statement's whole replacement is kept as its bytes, which read as the plain parse reads them; the
     * rest of the statement, an update with operators, and a pipeline are read as ever.
     */
    @Test
    void keepsAStatementsReplacementAsItsBytes() {
        Random random = new Random(30);
        for (int i = 0; i < 2_000; i++) {
            Document replacement = new Document("_id", "case-" + i).appendAll(TestDocuments.random(random, 3));
            replacement.keySet().removeIf(name -> name.startsWith("$"));
            byte[] statement = bson(statement(replacement));

            Document kept = parser.parseStatement(statement, 0);
            Document parsed = parser.parse(statement, 0);

            byte[] asSent = RawDocuments.bson((Document) kept.get("u"));
            assertThat(asSent).as("the replacement's own bytes").isEqualTo(bson(replacement));
            kept.put("u", RawDocuments.expanded((Document) kept.get("u")));
            assertSame(kept, parsed);
        }
        for (Object update : List.of(new Document("$set", new Document("a", 1)), new Document("a", 1).append("$inc", 1),
                new Document(), List.of(new Document("$set", new Document("a", 1))))) {
            byte[] statement = bson(statement(update));
            assertSame(parser.parseStatement(statement, 0), parser.parse(statement, 0));
        }
    }

    /**
     * Bytes changed at random in a statement's replacement: kept as its bytes if and only if the plain parse reads
     * them, and then read as it reads them. What the replacement's fields are is checked without reading them.
     */
    @Test
    void refusesWhatThePlainParseRefusesThoughItReadsNoValues() {
        Random random = new Random(31);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            Document replacement = new Document("_id", "case-" + i).appendAll(TestDocuments.random(random, 2))
                    .append("again", null);
            replacement.keySet().removeIf(name -> name.startsWith("$"));
            byte[] statement = bson(statement(replacement));
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                int at = 20 + random.nextInt(statement.length - 30); // inside u (after "q"), not its last bytes
                statement[at] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : statement[at - 1 - random.nextInt(8)];
            }

            Object plain = parsedOrRefused(() -> parser.parse(statement, 0));
            Object kept = parsedOrRefused(() -> parser.parseStatement(statement, 0));

            if (plain instanceof Throwable) {
                refused++;
                assertThat(kept).as("refused as the plain parse refuses, case %d", i).isInstanceOf(Throwable.class);
            } else {
                assertThat(kept).as("read as the plain parse reads, case %d", i).isInstanceOf(Document.class);
                ((Document) kept).computeIfPresent("u", (name, u) -> RawDocuments.expanded((Document) u));
                assertSame(kept, plain);
            }
        }
        assertThat(refused).as("some changes made the bytes unreadable, some did not").isBetween(1_000, 19_000);
    }

    @Test
    void refusesAReplacementWithAFieldTwiceUnlessTheFirstIsNull() {
        byte[] twice = bson(statement(new Document("_id", "a").append("n", 1).append("m", 2)));
        byte[] afterNull = bson(statement(new Document("_id", "a").append("n", null).append("m", 2)));
        byte[] afterUndefined = afterNull.clone();
        afterUndefined[indexOf(afterUndefined, (byte) 'n') - 1] = 0x06; // BSON's undefined, read as null too
        for (byte[] statement : List.of(twice, afterNull, afterUndefined)) {
            int m = indexOf(statement, (byte) 'm');
            statement[m] = 'n';
        }

        assertThatThrownBy(() -> parser.parse(twice, 0)).hasMessageContaining("already contains field 'n'");
        assertThatThrownBy(() -> parser.parseStatement(twice, 0)).hasMessageContaining("already contains field 'n'");
        for (byte[] statement : List.of(afterNull, afterUndefined)) {
            Document read = parser.parseStatement(statement, 0);
            assertThat(RawDocuments.expanded((Document) read.get("u"))).isEqualTo(new Document("_id", "a").append("n", 2));
        }
    }

    private static Document statement(Object update) {
        return new Document("q", new Document("_id", "case")).append("u", update).append("upsert", true);
    }

    private static Object parsedOrRefused(java.util.function.Supplier<Document> parsing) {
        try {
            return parsing.get();
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("no " + (char) wanted);
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
