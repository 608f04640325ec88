package pl.sciezka.platform.mongo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * BSON walked from end to end without reading anything into objects, refusing exactly what {@link BsonParser} refuses
 * (a length that does not add up, a type or binary subtype it does not know, a boolean that is neither, a field named
 * twice in one document after a value that is not null), so that a document kept as its bytes ({@link RawDocuments})
 * could always have been read, and reads back the same ({@code BsonParserTest} damages 20,000 statements at random
 * and compares the two).
 * <p>
 * Not thread-safe: one per parser.
 */
final class BsonCheck {

    private static final byte[] STRING_ID = {0x02, '_', 'i', 'd', 0};

    private byte[] bytes;
    private int at;
    /** The names of the documents being walked, innermost last: each its hash and where it starts. */
    private long[] names = new long[64];
    private int namesHeld;

    /** Whether the document at {@code at} opens with a field {@code _id} holding a string, as Spring Data and the driver write it. */
    static boolean startsWithStringId(byte[] bytes, int at) {
        return BsonParser.int32(bytes, at) > 4 + STRING_ID.length + 5
                && Arrays.equals(bytes, at + 4, at + 4 + STRING_ID.length, STRING_ID, 0, STRING_ID.length);
    }

    /**
     * Whether the document at {@code at} has fields and none of its own names starts with {@code $}, a whole
     * replacement; false also for one whose lengths do not add up, which the parser then refuses.
     */
    static boolean isReplacement(byte[] bytes, int at) {
        int end = at + BsonParser.int32(bytes, at) - 1; // its closing zero
        int field = at + 4;
        if (field >= end) {
            return false;
        }
        while (field < end) {
            if (bytes[field + 1] == '$') {
                return false;
            }
            int next = valueEnd(bytes, bytes[field], BsonParser.terminator(bytes, field + 1) + 1);
            if (next <= field || next > end) {
                return false;
            }
            field = next;
        }
        return true;
    }

    /** Where the value of this type at {@code value} ends, by its length alone; -1 for a type BSON does not have. */
    private static int valueEnd(byte[] bytes, byte type, int value) {
        return switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> value + 8;
            case 0x02, 0x0D -> value + 4 + BsonParser.int32(bytes, value);
            case 0x03, 0x04 -> value + BsonParser.int32(bytes, value);
            case 0x05 -> value + 5 + BsonParser.int32(bytes, value);
            case 0x06, 0x0A, 0x7F, (byte) 0xFF -> value;
            case 0x07 -> value + 12;
            case 0x08 -> value + 1;
            case 0x0B -> BsonParser.terminator(bytes, BsonParser.terminator(bytes, value) + 1) + 1;
            case 0x10 -> value + 4;
            case 0x13 -> value + 16;
            default -> -1;
        };
    }

    /** Where the document that starts at {@code offset} ends, once checked. */
    int document(byte[] source, int offset) {
        bytes = source;
        at = offset;
        namesHeld = 0;
        try {
            document();
            return at;
        } finally {
            bytes = null;
        }
    }

    private void document() {
        int end = at + int32();
        int from = namesHeld;
        while (true) {
            byte type = bytes[at++];
            if (type == 0) {
                break;
            }
            int nameEnd = BsonParser.terminator(bytes, at);
            hold(BsonParser.hash(bytes, at, nameEnd), at);
            at = nameEnd + 1;
            value(type);
        }
        lengthSaid(end);
        namesApart(from);
        namesHeld = from;
    }

    private void array() {
        int end = at + int32();
        while (true) {
            byte type = bytes[at++];
            if (type == 0) {
                break;
            }
            at = BsonParser.terminator(bytes, at) + 1; // the index
            value(type);
        }
        lengthSaid(end);
    }

    private void value(byte type) {
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> at += 8;
            case 0x02, 0x0D -> string();
            case 0x03 -> document();
            case 0x04 -> array();
            case 0x05 -> binary();
            case 0x06, 0x0A, 0x7F, (byte) 0xFF -> { }
            case 0x07 -> at += 12;
            case 0x08 -> {
                if (bytes[at] != 0 && bytes[at] != 1) {
                    throw new IllegalArgumentException("Illegal boolean value:" + bytes[at]);
                }
                at++;
            }
            case 0x0B -> at = BsonParser.terminator(bytes, BsonParser.terminator(bytes, at) + 1) + 1;
            case 0x10 -> at += 4;
            case 0x13 -> at += 16;
            default -> throw new IllegalArgumentException("unknown type: 0x" + Integer.toHexString(type));
        }
    }

    private void string() {
        int length = int32() - 1;
        if (length < 0) {
            throw new IllegalArgumentException("a string of " + length + " bytes");
        }
        at += length;
        if (bytes[at++] != 0) {
            throw new IllegalArgumentException("Unexpected trailing byte: " + bytes[at - 1]);
        }
    }

    private void binary() {
        int length = int32();
        byte subtype = bytes[at++];
        switch (subtype) {
            case 0x00, (byte) 0x80 -> {
                if (length < 0) {
                    throw new IllegalArgumentException("binary data of " + length + " bytes");
                }
                at += length;
            }
            case 0x03, 0x04 -> {
                BsonParser.uuidLength(length);
                at += 16;
            }
            default -> throw new IllegalArgumentException("Unknown subtype: " + subtype);
        }
    }

    private void lengthSaid(int end) {
        if (at != end) {
            throw new IllegalArgumentException("BSON of " + (end - at) + " bytes more or less than its length says");
        }
    }

    private void hold(int hash, int name) {
        if (namesHeld == names.length) {
            names = Arrays.copyOf(names, 2 * names.length);
        }
        names[namesHeld++] = (long) hash << 32 | name;
    }

    /**
     * The names held since {@code from}, one document's, each once; as the parser reads them, a name may come again
     * after a null (its map's put returns the null it replaces).
     */
    private void namesApart(int from) {
        if (namesHeld - from < 2) {
            return;
        }
        Arrays.sort(names, from, namesHeld); // by hash: equal names side by side
        for (int later = from + 1; later < namesHeld; later++) {
            for (int earlier = later - 1; earlier >= from && hash(names[earlier]) == hash(names[later]); earlier--) {
                int one = start(names[earlier]);
                int other = start(names[later]);
                byte firstType = bytes[Math.min(one, other) - 1];
                if (firstType != 0x06 && firstType != 0x0A && sameName(one, other)) {
                    throw new IllegalArgumentException("Document already contains field '" + new String(bytes, one,
                            BsonParser.terminator(bytes, one) - one, StandardCharsets.UTF_8) + "'");
                }
            }
        }
    }

    private static int hash(long held) {
        return (int) (held >>> 32);
    }

    private static int start(long held) {
        return (int) held;
    }

    private boolean sameName(int one, int other) {
        return Arrays.equals(bytes, one, BsonParser.terminator(bytes, one), bytes, other, BsonParser.terminator(bytes, other));
    }

    private int int32() {
        int value = BsonParser.int32(bytes, at);
        at += 4;
        return value;
    }
}
