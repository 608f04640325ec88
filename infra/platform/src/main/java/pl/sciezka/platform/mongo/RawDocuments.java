package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A document kept as the BSON it came as, unread: a whole replacement as a client sent it ({@link
 * RequestDecoder}), and every document as a collection's data map reads it back from the file ({@link
 * BsonDocuments}). The library's {@link Document} is final, so such a document is a stand-in: one field whose
 * name no BSON can hold (names end at their first zero byte), its value the bytes. The embedded server's own code
 * alone meets stand-ins: {@link IdFirstCollection} stores a replacement's bytes as they came and gives the library
 * every stored document read ({@link #expanded}), and {@link BsonDocuments} writes the bytes to the file as they are.
 * <p>
 * Reading every replacement into a document, and writing each again to BSON at the next commit, was over a fifth
 * of a projection rebuild's CPU (docs/BENCHMARKS.md, thirtieth round); a rebuild reads back few of the documents it
 * writes.
 */
final class RawDocuments {

    private static final String BYTES = "\0bson";
    private static final byte STRING = 0x02;
    private static final byte[] ID = {'_', 'i', 'd', 0};
    private static final ThreadLocal<BsonParser> PARSERS = ThreadLocal.withInitial(BsonParser::new);

    private RawDocuments() {
    }

    /** A stand-in for the document these bytes hold, which must be whole, checked BSON and not shared. */
    static Document of(byte[] bson) {
        return new Document(BYTES, bson);
    }

    /** The BSON a stand-in holds, or null for a document that is not one. */
    static byte[] bson(Document document) {
        return document != null && document.size() == 1 && document.get(BYTES) instanceof byte[] bson ? bson : null;
    }

    /** The document itself: a stand-in read (a new document every time), any other as it is. */
    static Document expanded(Document document) {
        byte[] bson = bson(document);
        return bson == null ? document : PARSERS.get().parse(bson, 0);
    }

    /** The id of the BSON's first field if that is {@code _id} holding a string, as Spring Data and the driver write it; else null. */
    static String stringId(byte[] bson) {
        int name = 5;
        int value = name + ID.length + 4;
        if (bson.length < value || bson[4] != STRING || !Arrays.equals(bson, name, name + ID.length, ID, 0, ID.length)) {
            return null;
        }
        int length = BsonParser.int32(bson, name + ID.length) - 1;
        return length >= 0 && value + length < bson.length && bson[value + length] == 0
                ? new String(bson, value, length, StandardCharsets.UTF_8) : null;
    }
}
