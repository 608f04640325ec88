package pl.sciezka.query.projection;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The values Spring Data leaves to the driver's codecs (strings, numbers, dates, decimals, ids, binary data, documents
 * and lists of them), each written into a {@link BsonBuffer} as its codec writes it: its element, named by a prepared
 * name, a map's key or an array's index, then its bytes. A value of any other class is beyond {@link ReadModelBson}.
 */
final class NativeValues {

    private final Codec<Document> documents;

    NativeValues(Codec<Document> documents) {
        this.documents = documents;
    }

    void write(BsonBuffer buffer, byte[] name, Object value) {
        byte type = typeOf(value);
        buffer.element(type, name);
        writeBody(buffer, type, value);
    }

    void write(BsonBuffer buffer, String name, Object value) {
        byte type = typeOf(value);
        buffer.element(type, name);
        writeBody(buffer, type, value);
    }

    void write(BsonBuffer buffer, int index, Object value) {
        byte type = typeOf(value);
        buffer.element(type, index);
        writeBody(buffer, type, value);
    }

    private void writeBody(BsonBuffer buffer, byte type, Object value) {
        switch (type) {
            case BsonBuffer.NULL -> {
            }
            case BsonBuffer.STRING -> buffer.string((String) value);
            case BsonBuffer.INT32 -> buffer.int32((Integer) value);
            case BsonBuffer.INT64 -> buffer.int64((Long) value);
            case BsonBuffer.BOOLEAN -> buffer.bool((Boolean) value);
            case BsonBuffer.DOUBLE -> buffer.float64((Double) value);
            case BsonBuffer.DATE_TIME -> buffer.int64(((Date) value).getTime());
            case BsonBuffer.DECIMAL128 -> {
                if (value instanceof BigDecimal decimal) {
                    buffer.decimal128(decimal);
                } else {
                    buffer.decimal128((Decimal128) value);
                }
            }
            case BsonBuffer.OBJECT_ID -> buffer.objectId((ObjectId) value);
            case BsonBuffer.BINARY -> buffer.binary((byte[]) value);
            case BsonBuffer.DOCUMENT -> {
                RawBsonDocument encoded = new RawBsonDocument((Document) value, documents);
                buffer.raw(encoded.getByteBuffer().array(), 0, encoded.getByteBuffer().limit());
            }
            case BsonBuffer.ARRAY -> {
                int start = buffer.start();
                int index = 0;
                for (Object element : (List<?>) value) {
                    write(buffer, index++, element);
                }
                buffer.end(start);
            }
            default -> throw new ReadModelBson.NotCovered();
        }
    }

    private static byte typeOf(Object value) {
        if (value == null) {
            return BsonBuffer.NULL;
        } else if (value instanceof String) {
            return BsonBuffer.STRING;
        } else if (value instanceof Integer) {
            return BsonBuffer.INT32;
        } else if (value instanceof Long) {
            return BsonBuffer.INT64;
        } else if (value instanceof Boolean) {
            return BsonBuffer.BOOLEAN;
        } else if (value instanceof Double) {
            return BsonBuffer.DOUBLE;
        } else if (value instanceof Date) {
            return BsonBuffer.DATE_TIME;
        } else if (value instanceof BigDecimal || value instanceof Decimal128) {
            return BsonBuffer.DECIMAL128;
        } else if (value instanceof ObjectId) {
            return BsonBuffer.OBJECT_ID;
        } else if (value instanceof byte[]) {
            return BsonBuffer.BINARY;
        } else if (value instanceof Document) {
            return BsonBuffer.DOCUMENT;
        } else if (value instanceof List<?>) {
            return BsonBuffer.ARRAY;
        }
        throw new ReadModelBson.NotCovered();
    }
}
