package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * BSON read from a byte array into a document of the embedded server, the same document the library's
 * {@link BsonDecoder} makes of it ({@code BsonParserTest} compares the two): by {@link BsonDocuments} for every
 * document read from the file, and by {@link RequestDecoder} for every request. The library's decoder reads
 * through a netty buffer that checks its bounds and reference count at every byte, makes a document of every
 * array before it makes the list, and a new string of every field's name; here the names come from a small
 * cache, since a collection's documents repeat them. Of a rebuild's read models it read 300–380 MB/s of CPU and
 * allocated 7.0 bytes per byte, here 480 MB/s and 3.65 (infra/tools/bson-speed, docs/BENCHMARKS.md, twenty-eighth
 * round).
 * <p>
 * Not thread-safe: one per thread, for every document it reads.
 */
final class BsonParser {

    private static final int NAMES = 1024;

    private final String[] names = new String[NAMES];
    private final byte[][] nameBytes = new byte[NAMES][];

    private byte[] bytes;
    private int at;
    /** Set while parsing an update statement: its replacement is kept as BSON ({@link #parseStatement}). */
    private boolean statement;
    private final BsonCheck checking = new BsonCheck();

    /** The document whose BSON starts at {@code offset}; its length is the BSON's own first four bytes. */
    Document parse(byte[] source, int offset) {
        bytes = source;
        at = offset;
        try {
            return document();
        } finally {
            bytes = null;
        }
    }

    /**
     * An update statement ({@code {q: ..., u: ..., upsert: ...}}) as {@link #parse} reads it, but a replacement
     * ({@code u} a document with no {@code $} operator at its top) is kept as its BSON ({@link RawDocuments}),
     * checked as {@link #parse} would have read it: whatever that refuses, this refuses.
     */
    Document parseStatement(byte[] source, int offset) {
        statement = true;
        try {
            return parse(source, offset);
        } finally {
            statement = false;
        }
    }

    /**
     * A document to insert as {@link #parse} reads it, but kept as its BSON ({@link RawDocuments}) if its first field
     * is a string {@code _id}, checked as {@link #parse} would have read it.
     */
    Document parseInsert(byte[] source, int offset) {
        bytes = source;
        at = offset;
        try {
            return BsonCheck.startsWithStringId(bytes, at) ? kept() : document();
        } finally {
            bytes = null;
        }
    }

    private Document document() {
        boolean top = statement;
        statement = false; // a replacement is the statement's own field, not one deeper down
        int end = at + int32();
        Document document = new Document();
        while (true) {
            byte type = bytes[at++];
            if (type == 0) {
                break;
            }
            String name = name();
            Object value = top && type == 0x03 && name.equals("u") && BsonCheck.isReplacement(bytes, at) ? kept() : value(type);
            if (document.put(name, value) != null) {
                throw new IllegalArgumentException("Document already contains field '" + name + "'");
            }
        }
        check(end);
        return document;
    }

    /** The document at {@code at} checked as {@link #document} would read it ({@link BsonCheck}), and kept as its bytes. */
    private Document kept() {
        int end = checking.document(bytes, at);
        Document kept = RawDocuments.of(Arrays.copyOfRange(bytes, at, end));
        at = end;
        return kept;
    }

    /** The hash of the bytes from {@code from} until {@code end}, as of a field's name. */
    static int hash(byte[] bytes, int from, int end) {
        int hash = 1;
        for (int i = from; i < end; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    private List<Object> array() {
        int end = at + int32();
        List<Object> values = new ArrayList<>();
        while (true) {
            byte type = bytes[at++];
            if (type == 0) {
                break;
            }
            at = terminator(bytes, at) + 1; // the index, which the list's order says again
            values.add(value(type));
        }
        check(end);
        return values;
    }

    private void check(int end) {
        if (at != end) {
            throw new IllegalArgumentException("BSON of " + (end - at) + " bytes more or less than its length says");
        }
    }

    private Object value(byte type) {
        return switch (type) {
            case 0x01 -> Double.longBitsToDouble(int64());
            case 0x02 -> string();
            case 0x03 -> document();
            case 0x04 -> array();
            case 0x05 -> binary();
            case 0x06, 0x0A -> null; // undefined, null
            case 0x07 -> new ObjectId(take(12));
            case 0x08 -> bool();
            case 0x09 -> Instant.ofEpochMilli(int64());
            case 0x0B -> new BsonRegularExpression(cString(), cString());
            case 0x0D -> new BsonJavaScript(string());
            case 0x10 -> int32();
            case 0x11 -> new BsonTimestamp(int64());
            case 0x12 -> int64();
            case 0x13 -> new Decimal128(int64(), int64());
            case 0x7F -> MaxKey.getInstance();
            case (byte) 0xFF -> MinKey.getInstance();
            default -> throw new IllegalArgumentException("unknown type: 0x" + Integer.toHexString(type));
        };
    }

    private Object binary() {
        int length = int32();
        byte subtype = bytes[at++];
        return switch (subtype) {
            case 0x00, (byte) 0x80 -> new BinData(take(length));
            case 0x03 -> {
                uuidLength(length);
                yield new LegacyUUID(int64(), int64());
            }
            case 0x04 -> { // the library writes this one big-endian
                uuidLength(length);
                yield new UUID(Long.reverseBytes(int64()), Long.reverseBytes(int64()));
            }
            default -> throw new IllegalArgumentException("Unknown subtype: " + subtype);
        };
    }

    static void uuidLength(int length) {
        if (length != 16) {
            throw new IllegalArgumentException("Illegal length: " + length);
        }
    }

    private Boolean bool() {
        byte value = bytes[at++];
        return switch (value) {
            case 0 -> Boolean.FALSE;
            case 1 -> Boolean.TRUE;
            default -> throw new IllegalArgumentException("Illegal boolean value:" + value);
        };
    }

    private String string() {
        int length = int32() - 1;
        String value = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        if (bytes[at++] != 0) {
            throw new IllegalArgumentException("Unexpected trailing byte: " + bytes[at - 1]);
        }
        return value;
    }

    private String cString() {
        int end = terminator(bytes, at);
        String value = new String(bytes, at, end - at, StandardCharsets.UTF_8);
        at = end + 1;
        return value;
    }

    /** A field's name, the same string as the last time these bytes were met in this slot of the cache. */
    private String name() {
        int end = terminator(bytes, at);
        int hash = hash(bytes, at, end);
        int slot = (hash ^ (hash >>> 16)) & (NAMES - 1);
        byte[] cached = nameBytes[slot];
        String name;
        if (cached != null && Arrays.equals(cached, 0, cached.length, bytes, at, end)) {
            name = names[slot];
        } else {
            name = new String(bytes, at, end - at, StandardCharsets.UTF_8);
            names[slot] = name;
            nameBytes[slot] = Arrays.copyOfRange(bytes, at, end);
        }
        at = end + 1;
        return name;
    }

    /** Where the C string that starts at {@code from} ends: the index of its terminating zero. */
    static int terminator(byte[] bytes, int from) {
        int end = from;
        while (bytes[end] != 0) {
            end++;
        }
        return end;
    }

    private byte[] take(int length) {
        byte[] taken = Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return taken;
    }

    private int int32() {
        int value = int32(bytes, at);
        at += 4;
        return value;
    }

    /** The little-endian 32-bit integer at {@code at}, as BSON and the wire protocol write lengths. */
    static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
    }

    private long int64() {
        long low = int32() & 0xFFFFFFFFL;
        long high = int32() & 0xFFFFFFFFL;
        return high << 32 | low;
    }
}
