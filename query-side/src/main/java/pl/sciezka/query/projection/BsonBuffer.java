package pl.sciezka.query.projection;

import java.math.BigDecimal;
import java.util.Arrays;
import org.bson.BsonSerializationException;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * A document's BSON written into one growing array, the same bytes the driver's {@code BsonBinaryWriter} writes
 * (its strings' UTF-8 code point by code point, a lone surrogate as three bytes), without its state checks and
 * its output's byte-at-a-time strings: those were a fifth of {@link ReadModelBson}'s time through the driver's
 * writer. An element is its type, its name as prepared by {@link #name}, then its value.
 */
final class BsonBuffer {

    static final byte DOUBLE = 0x01;
    static final byte STRING = 0x02;
    static final byte DOCUMENT = 0x03;
    static final byte ARRAY = 0x04;
    static final byte BINARY = 0x05;
    static final byte OBJECT_ID = 0x07;
    static final byte BOOLEAN = 0x08;
    static final byte DATE_TIME = 0x09;
    static final byte NULL = 0x0A;
    static final byte INT32 = 0x10;
    static final byte INT64 = 0x12;
    static final byte DECIMAL128 = 0x13;

    private static final int MIN_EXPONENT = -6176;
    private static final int MAX_EXPONENT = 6111;
    private static final int EXPONENT_OFFSET = 6176;

    /** The names of an array's first elements, "0" to "999". */
    private static final byte[][] INDEXES = new byte[1000][];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = name(Integer.toString(i));
        }
    }

    private byte[] bytes;
    private int size;

    BsonBuffer() {
        this(8192);
    }

    private BsonBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** A field's name as BSON's C string: its UTF-8 and a zero; a name with a zero in it cannot be one. */
    static byte[] name(String name) {
        BsonBuffer buffer = new BsonBuffer(name.length() * 3 + 2);
        buffer.element((byte) 0, name);
        return Arrays.copyOfRange(buffer.bytes, 1, buffer.size);
    }

    void clear() {
        size = 0;
    }

    boolean large() {
        return bytes.length > 1 << 20;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Starts a document or an array; what it returns ends it. */
    int start() {
        ensure(4);
        size += 4;
        return size - 4;
    }

    void end(int start) {
        writeByte(0);
        putInt(start, size - start);
    }

    void element(byte type, byte[] name) {
        ensure(1 + name.length);
        bytes[size++] = type;
        System.arraycopy(name, 0, bytes, size, name.length);
        size += name.length;
    }

    /** An element named by a string not prepared before (a map's key). */
    void element(byte type, String name) {
        if (name.indexOf('\0') >= 0) {
            throw new BsonSerializationException("BSON cstring '" + name + "' is not valid because it contains a null character");
        }
        writeByte(type);
        utf8(name);
        writeByte(0);
    }

    void element(byte type, int index) {
        element(type, index < INDEXES.length ? INDEXES[index] : name(Integer.toString(index)));
    }

    void int32(int value) {
        ensure(4);
        putInt(size, value);
        size += 4;
    }

    void int64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    void float64(double value) {
        int64(Double.doubleToRawLongBits(value));
    }

    void bool(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void string(String value) {
        int start = size;
        int32(0);
        utf8(value);
        writeByte(0);
        putInt(start, size - start - 4);
    }

    void decimal128(Decimal128 value) {
        int64(value.getLow());
        int64(value.getHigh());
    }

    /**
     * A decimal as {@code new Decimal128(value)} encodes it. One of at most 18 digits (every sum and cost here) is
     * its exponent and sign over the digits as a long; the driver's constructor builds it bit by bit out of three
     * {@code BigInteger}s, a tenth of writing a cohort case.
     */
    void decimal128(BigDecimal value) {
        int exponent = -value.scale();
        if (value.precision() > 18 || exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            decimal128(new Decimal128(value));
            return;
        }
        long digits = value.unscaledValue().longValue();
        int64(Math.abs(digits));
        int64((long) (exponent + EXPONENT_OFFSET) << 49 | (digits < 0 ? Long.MIN_VALUE : 0));
    }

    void objectId(ObjectId id) {
        raw(id.toByteArray());
    }

    /** Binary data of the generic subtype. */
    void binary(byte[] data) {
        int32(data.length);
        writeByte(0);
        raw(data);
    }

    void raw(byte[] data) {
        raw(data, 0, data.length);
    }

    void raw(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    private void utf8(String value) {
        int length = value.length();
        ensure(length);
        for (int i = 0; i < length; ) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c; // room for one byte per char was made above
                i++;
                continue;
            }
            int codePoint = Character.codePointAt(value, i);
            i += Character.charCount(codePoint);
            ensure(4 + length - i);
            if (codePoint < 0x800) {
                bytes[size++] = (byte) (0xc0 | codePoint >> 6);
            } else if (codePoint < 0x10000) {
                bytes[size++] = (byte) (0xe0 | codePoint >> 12);
                bytes[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3f));
            } else {
                bytes[size++] = (byte) (0xf0 | codePoint >> 18);
                bytes[size++] = (byte) (0x80 | (codePoint >> 12 & 0x3f));
                bytes[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3f));
            }
            bytes[size++] = (byte) (0x80 | (codePoint & 0x3f));
        }
    }

    private void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
