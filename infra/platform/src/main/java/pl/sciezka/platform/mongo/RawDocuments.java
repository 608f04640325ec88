package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.charset.StandardCharsets;

/**
 * A document kept as the BSON it came as, unread: a whole replacement or a document inserted as a client sent it
 * ({@link RequestDecoder}), and every document as a collection's data map reads it back from the file ({@link
 * BsonDocuments}). The library's {@link Document} is final, so such a document is a stand-in: one field whose
 * name no BSON can hold (names end at their first zero byte), its value the bytes. The embedded server's own code
 * alone meets stand-ins: {@link IdFirstCollection} stores their bytes as they came and gives the library
 * every stored document read ({@link #expanded}), and {@link BsonDocuments} writes the bytes to the file as they are.
 * <p>
 * Reading every replacement into a document, and writing each again to BSON at the next commit, was over a fifth
 * of a projection rebuild's CPU (docs/BENCHMARKS.md, thirtieth round); a rebuild reads back few of the documents it
 * writes.
 */
final class RawDocuments {

    private static final String BYTES = "\0bson";
    /** Where the value of a first field {@code _id} starts: after the length, the type and the name. */
    private static final int ID_VALUE = 4 + 1 + 4;
    private static final ThreadLocal<BsonParser> PARSERS = ThreadLocal.withInitial(BsonParser::new);

    private RawDocuments() {
    }

    /**
     * The bytes, and the document they hold once it has been read: a stored document is read as often as it is asked
     * for (a case's file for every command on the case), and was read once per page before it was kept as bytes.
     * Shared as the stored document always was; nothing changes a stored document in place ({@link CopyOnWriteUpdate}).
     */
    private static final class Kept {

        final byte[] bson;
        volatile Document read;

        Kept(byte[] bson) {
            this.bson = bson;
        }

        Document read() {
            Document document = read;
            if (document == null) {
                document = PARSERS.get().parse(bson, 0);
                read = document;
            }
            return document;
        }
    }

    /** A stand-in for the document these bytes hold, which must be whole, checked BSON and not shared. */
    static Document of(byte[] bson) {
        return new Document(BYTES, new Kept(bson));
    }

    /** The BSON a stand-in holds, or null for a document that is not one. */
    static byte[] bson(Document document) {
        return kept(document) instanceof Kept kept ? kept.bson : null;
    }

    /** The document itself: a stand-in read (once, then the same document), any other as it is. */
    static Document expanded(Document document) {
        return kept(document) instanceof Kept kept ? kept.read() : document;
    }

    private static Object kept(Document document) {
        return document != null && document.size() == 1 ? document.get(BYTES) : null;
    }

    /** The id of the BSON's first field if that is {@code _id} holding a string ({@link BsonCheck#startsWithStringId}); else null. */
    static String stringId(byte[] bson) {
        if (!BsonCheck.startsWithStringId(bson, 0)) {
            return null;
        }
        int value = ID_VALUE + 4;
        int length = BsonParser.int32(bson, ID_VALUE) - 1;
        return length >= 0 && value + length < bson.length && bson[value + length] == 0
                ? new String(bson, value, length, StandardCharsets.UTF_8) : null;
    }
}
