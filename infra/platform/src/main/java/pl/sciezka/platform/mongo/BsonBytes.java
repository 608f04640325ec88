package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * A document of the embedded server written as BSON into a byte array, byte for byte as the library's
 * {@link BsonEncoder} writes it ({@code BsonBytesTest} compares the two): by {@link BsonDocuments} at each commit
 * of the read models' file, and by {@link ReplyEncoder} for every reply. The library's encoder makes a byte array
 * of every name and string and a document of every array, with its indexes as new strings: 2.7 bytes allocated
 * for each byte it wrote of a rebuild's read models, 0.06 here (infra/tools/bson-speed, docs/BENCHMARKS.md,
 * twenty-eighth round). The values a read model holds (documents, arrays, strings, numbers, booleans, instants,
 * nulls) are written here; any other goes through the library's encoder.
 * <p>
 * Not thread-safe: one per thread, reused for every document it writes.
 */
final class BsonBytes {

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE_TIME = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    /** An array's field names, "0", "1", …, as the library writes them, made once for the common lengths. */
    private static final byte[][] INDEXES = new byte[1024][];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = String.valueOf(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final int LARGEST_KEPT = 1 << 20;

    private byte[] bytes = new byte[4096];
    private int length;
    private ByteBuf other;

    /** Writes the document, replacing what was written before. */
    BsonBytes write(Map<String, ?> document) {
        length = 0;
        document(document);
        return this;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    /**
     * Lets go of an array that one large document grew past a megabyte, rather than keeping it for the life of
     * the thread or connection that writes with it; called once what was written has been copied out.
     */
    void shrink() {
        if (bytes.length > LARGEST_KEPT) {
            bytes = new byte[4096];
        }
    }

    private void document(Map<String, ?> document) {
        int start = length;
        room(4);
        length += 4;
        for (Map.Entry<String, ?> field : document.entrySet()) {
            value(field.getKey(), field.getValue());
        }
        room(1);
        bytes[length++] = 0;
        intAt(start, length - start);
    }

    private void array(Collection<?> values) {
        int start = length;
        room(4);
        length += 4;
        int index = 0;
        for (Object value : values) {
            value(index < INDEXES.length ? INDEXES[index] : String.valueOf(index).getBytes(StandardCharsets.US_ASCII),
                    value);
            index++;
        }
        room(1);
        bytes[length++] = 0;
        intAt(start, length - start);
    }

    /**
     * The types the library's {@code BsonEncoder.determineType} gives, tested in its order but for the types
     * left to it (an ObjectId, a Decimal128, binary data, …), none of which is also one of those tested here.
     */
    private void value(Object name, Object value) {
        if (value == null) {
            field(NULL, name);
        } else if (value instanceof Map<?, ?> document) {
            field(DOCUMENT, name);
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) document;
            document(fields);
        } else if (value instanceof Integer number) {
            field(INT32, name);
            room(4);
            intAt(length, number);
            length += 4;
        } else if (value instanceof Long number) {
            field(INT64, name);
            longValue(number);
        } else if (value instanceof Double number) {
            field(DOUBLE, name);
            longValue(Double.doubleToRawLongBits(number));
        } else if (value instanceof String text) {
            field(STRING, name);
            int start = length;
            room(4);
            length += 4;
            cString(text);
            intAt(start, length - start - 4);
        } else if (value instanceof Boolean flag) {
            field(BOOLEAN, name);
            room(1);
            bytes[length++] = (byte) (flag ? 1 : 0);
        } else if (value instanceof Collection<?> values) {
            field(ARRAY, name);
            array(values);
        } else if (value instanceof Instant instant) {
            field(DATE_TIME, name);
            longValue(instant.toEpochMilli());
        } else {
            byLibrary(name, value);
        }
    }

    private void byLibrary(Object name, Object value) {
        byte type = BsonEncoder.determineType(value);
        if (other == null) {
            other = Unpooled.buffer(64);
        }
        other.clear();
        BsonEncoder.encodeValue(type, value, other);
        field(type, name);
        int encoded = other.readableBytes();
        room(encoded);
        other.readBytes(bytes, length, encoded);
        length += encoded;
    }

    private void field(byte type, Object name) {
        room(1);
        bytes[length++] = type;
        if (name instanceof byte[] index) {
            room(index.length + 1);
            System.arraycopy(index, 0, bytes, length, index.length);
            length += index.length;
            bytes[length++] = 0;
        } else {
            cString((String) name);
        }
    }

    /** The string's UTF-8 and a terminating zero: ASCII a character at a time, anything else as Java encodes it. */
    private void cString(String text) {
        int start = length;
        int characters = text.length();
        room(characters + 1);
        for (int i = 0; i < characters; i++) {
            char character = text.charAt(i);
            if (character >= 0x80) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                length = start;
                room(utf8.length + 1);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                break;
            }
            bytes[length++] = (byte) character;
        }
        bytes[length++] = 0;
    }

    private void longValue(long value) {
        room(8);
        for (int i = 0; i < 8; i++) {
            bytes[length++] = (byte) (value >>> (8 * i));
        }
    }

    private void intAt(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
