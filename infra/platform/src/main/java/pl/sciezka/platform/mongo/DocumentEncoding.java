package pl.sciezka.platform.mongo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonReader;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.Codec;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.OverridableUuidRepresentationCodec;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * The driver's codec for {@link Document}, but for how it writes one: the same BSON, with each value's codec
 * looked up once per class instead of once per value. The driver's {@link DocumentCodec} asks its registry
 * for the codec of every value it writes, and the registry makes a child registry and a cache key for each
 * question: an eighth of what a rebuild's projection threads allocated, for documents Spring Data has just
 * built out of strings, numbers, lists and documents. Those are written here directly, exactly as their
 * codecs write them; anything else goes to the registry's codec for its class. Reading, ids and everything
 * else are the driver's codec's ({@code DocumentEncodingTest} compares the bytes of both).
 */
final class DocumentEncoding implements CollectibleCodec<Document>, OverridableUuidRepresentationCodec<Document> {

    private static final String ID = "_id";
    /** What the driver's codecs write a value inside a document with: not a collection's document. */
    private static final EncoderContext CHILD = EncoderContext.builder().build();

    private final DocumentCodec driver;
    private final CodecRegistry registry;
    private final Map<Class<?>, Codec<Object>> codecs = new ConcurrentHashMap<>();

    DocumentEncoding(CodecRegistry registry) {
        this(registry, new DocumentCodec(registry));
    }

    private DocumentEncoding(CodecRegistry registry, DocumentCodec driver) {
        this.driver = driver;
        this.registry = registry;
    }

    /** The client's UUID representation, for reading: writing a UUID already asks the client's registry. */
    @Override
    public Codec<Document> withUuidRepresentation(UuidRepresentation representation) {
        return new DocumentEncoding(registry, (DocumentCodec) driver.withUuidRepresentation(representation));
    }

    /** Provides this codec for {@link Document} in a registry, placed before the driver's own providers. */
    static final class Provider implements CodecProvider {

        @Override
        @SuppressWarnings("unchecked")
        public <T> Codec<T> get(Class<T> type, CodecRegistry registry) {
            return type == Document.class ? (Codec<T>) new DocumentEncoding(registry) : null;
        }
    }

    @Override
    public void encode(BsonWriter writer, Document document, EncoderContext context) {
        writer.writeStartDocument();
        // a collection's document carries its id first, as the driver's codec writes it
        boolean idFirst = context.isEncodingCollectibleDocument() && document.containsKey(ID);
        if (idFirst) {
            writer.writeName(ID);
            writeValue(writer, context, document.get(ID));
        }
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (idFirst && field.getKey().equals(ID)) {
                continue;
            }
            writer.writeName(field.getKey());
            writeValue(writer, context, field.getValue());
        }
        writer.writeEndDocument();
    }

    private void writeValue(BsonWriter writer, EncoderContext context, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String string) {
            writer.writeString(string);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Boolean bool) {
            writer.writeBoolean(bool);
        } else if (value instanceof Double number) {
            writer.writeDouble(number);
        } else if (value instanceof Document document) {
            encode(writer, document, CHILD);
        } else if (value instanceof List<?> list) {
            writer.writeStartArray();
            for (Object element : list) {
                writeValue(writer, context, element);
            }
            writer.writeEndArray();
        } else {
            context.encodeWithChildContext(codecs.computeIfAbsent(value.getClass(), this::codecOf), writer, value);
        }
    }

    @SuppressWarnings("unchecked")
    private Codec<Object> codecOf(Class<?> type) {
        return (Codec<Object>) registry.get(type);
    }

    @Override
    public Document decode(BsonReader reader, DecoderContext context) {
        return driver.decode(reader, context);
    }

    @Override
    public Class<Document> getEncoderClass() {
        return Document.class;
    }

    @Override
    public Document generateIdIfAbsentFromDocument(Document document) {
        return driver.generateIdIfAbsentFromDocument(document);
    }

    @Override
    public boolean documentHasId(Document document) {
        return driver.documentHasId(document);
    }

    @Override
    public BsonValue getDocumentId(Document document) {
        return driver.getDocumentId(document);
    }
}
