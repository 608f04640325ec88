package pl.sciezka.query.projection;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.util.ClassUtils;
import pl.sciezka.query.projection.ReadModelClasses.EntityPlan;
import pl.sciezka.query.projection.ReadModelClasses.PropertyPlan;
import pl.sciezka.query.projection.ReadModelClasses.Shape;
import pl.sciezka.query.projection.ReadModelClasses.TypeKey;
import pl.sciezka.query.projection.ReadModelClasses.ValueClass;

/**
 * A read model's document written straight into BSON, the bytes Spring Data's {@code MappingMongoConverter.write}
 * and the driver's codec send between them. A rebuild spent a third of its projection threads' CPU in Spring Data
 * building a {@link Document} of every changed document and a quarter more in the driver encoding that again.
 * Here what Spring Data's mapping context says of a class is asked once ({@link ReadModelClasses}: its properties
 * in order, their stored names and declared types, how each value class is converted), and every value is written
 * by Spring Data's rules:
 * ids through {@code convertId}, simple values through its custom conversions and enums by name, null properties
 * left out but null map values kept, {@code _class} after the root's fields and wherever a value's class is not
 * the declared one. A document holding anything those rules do not cover here (a value converter, a reference, an
 * array of primitives, a custom conversion to a document, …) is written by Spring Data as before.
 * {@code ReadModelBsonTest} compares both byte for byte on random instances of every read model's class.
 */
public final class ReadModelBson {

    /**
     * The writers of the last few converters: an application has one, and a test suite makes one per test
     * database, which a map of every converter would keep (each with its client) until the JVM ends.
     */
    private static final Map<MongoConverter, ReadModelBson> OF_CONVERTER = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<MongoConverter, ReadModelBson> eldest) {
                    return size() > 4;
                }
            });
    private static final String ID = "_id";

    private final MongoConverter converter;
    private final Codec<Document> documents;
    private final NativeValues natives;
    private final AtomicLong writtenBySpringData = new AtomicLong();
    private final ThreadLocal<BsonBuffer> buffers = ThreadLocal.withInitial(BsonBuffer::new);
    private final ReadModelClasses classes;

    private ReadModelBson(MongoTemplate mongo) {
        this.converter = mongo.getConverter();
        this.classes = new ReadModelClasses(converter);
        this.documents = mongo.getDb().getCodecRegistry().get(Document.class);
        this.natives = new NativeValues(documents);
    }

    /** The writer of this template's converter: what it learns of each class is kept as long as the converter lives. */
    public static ReadModelBson of(MongoTemplate mongo) {
        return OF_CONVERTER.computeIfAbsent(mongo.getConverter(), converter -> new ReadModelBson(mongo));
    }

    /** The whole document upserted by its id, as {@code MongoTemplate.save} sends it. */
    public ReplaceOneModel<BsonDocument> upsert(Object document) {
        MongoPersistentEntity<?> entity = classes.entity(document.getClass());
        Object id = converter.convertId(entity.getIdentifierAccessor(document).getRequiredIdentifier(),
                entity.getRequiredIdProperty().getFieldType());
        return new ReplaceOneModel<>(new Document(ID, id), write(document), new ReplaceOptions().upsert(true));
    }

    /** The document's BSON, exactly as Spring Data maps it and the driver encodes that. */
    public RawBsonDocument write(Object document) {
        BsonBuffer buffer = buffers.get();
        buffer.clear();
        try {
            int start = buffer.start();
            Class<?> type = ClassUtils.getUserClass(document.getClass());
            if (classes.valueClass(type).shape() != Shape.ENTITY) {
                throw new NotCovered(); // converted as a whole, or not a document
            }
            EntityPlan plan = plan(type);
            writeProperties(buffer, document, plan);
            writeTypeKey(buffer, plan.typeKey());
            buffer.end(start);
        } catch (NotCovered notCovered) {
            return bySpringData(document);
        }
        RawBsonDocument written = new RawBsonDocument(buffer.toByteArray());
        if (buffer.large()) {
            buffers.remove(); // a thread keeps no more than a megabyte after a document larger than that
        }
        return written;
    }

    /** How many documents went to Spring Data since this writer was made: none of the read models should. */
    long writtenBySpringData() {
        return writtenBySpringData.get();
    }

    private RawBsonDocument bySpringData(Object document) {
        writtenBySpringData.incrementAndGet();
        Document mapped = new Document();
        converter.write(document, mapped);
        return new RawBsonDocument(mapped, documents);
    }

    private EntityPlan plan(Class<?> type) {
        EntityPlan plan = classes.plan(type);
        if (!plan.covered()) {
            throw new NotCovered();
        }
        return plan;
    }

    private void writeTypeKey(BsonBuffer buffer, TypeKey key) {
        if (key.name() != null) {
            natives.write(buffer, key.name(), key.alias());
        }
    }

    // ---- writing, each method one of Spring Data's

    /** {@code writeInternal} of an entity: the id, then every property not null. */
    private void writeProperties(BsonBuffer buffer, Object value, EntityPlan plan) {
        if (plan.id() != null) {
            Object id = converter.convertId(read(plan.id(), value), plan.id().property().getFieldType());
            if (id != null) {
                natives.write(buffer, plan.id().name(), id);
            }
        }
        for (PropertyPlan property : plan.properties()) {
            Object field = read(property, value);
            if (field == null) {
                if (property.writeNull()) {
                    buffer.element(BsonBuffer.NULL, property.name());
                }
                continue;
            }
            ValueClass kind = classes.valueClass(field.getClass());
            if (kind.simple()) {
                natives.write(buffer, property.name(), simple(field, kind));
            } else {
                writeProperty(buffer, property, field, kind);
            }
        }
    }

    private static Object read(PropertyPlan property, Object owner) {
        try {
            return property.field().get(owner);
        } catch (IllegalAccessException cannot) {
            throw new NotCovered();
        }
    }

    /** {@code writePropertyInternal}: a property's value that is not simple. */
    private void writeProperty(BsonBuffer buffer, PropertyPlan property, Object value, ValueClass kind) {
        switch (kind.shape()) {
            case COLLECTION -> {
                buffer.element(BsonBuffer.ARRAY, property.name());
                writeCollection(buffer, asCollection(value), property.type());
            }
            case MAP -> {
                buffer.element(BsonBuffer.DOCUMENT, property.name());
                writeMap(buffer, (Map<?, ?>) value, property.type());
            }
            case ENTITY -> {
                Class<?> declared = property.rawType();
                Class<?> type = declared.isInstance(value) ? value.getClass() : declared;
                buffer.element(BsonBuffer.DOCUMENT, property.name());
                writeDocument(buffer, value, plan(type), declared);
            }
            default -> throw new NotCovered();
        }
    }

    private void writeDocument(BsonBuffer buffer, Object value, EntityPlan plan, Class<?> declared) {
        int start = buffer.start();
        writeProperties(buffer, value, plan);
        Class<?> type = ClassUtils.getUserClass(value.getClass());
        if (!type.equals(declared)) {
            writeTypeKey(buffer, plan(type).typeKey());
        }
        buffer.end(start);
    }

    /** {@code writeCollectionInternal}. */
    private void writeCollection(BsonBuffer buffer, Collection<?> values, TypeInformation<?> type) {
        TypeInformation<?> component = type == null ? null : type.getComponentType();
        Class<?> hint = component == null ? Object.class : component.getType();
        int start = buffer.start();
        int index = 0;
        for (Object element : values) {
            ValueClass kind = element == null ? null : classes.valueClass(element.getClass());
            if (kind == null || kind.simple()) {
                natives.write(buffer, index, hinted(element, kind, hint));
            } else if (kind.shape() == Shape.COLLECTION) {
                buffer.element(BsonBuffer.ARRAY, index);
                writeCollection(buffer, asCollection(element), component);
            } else {
                buffer.element(BsonBuffer.DOCUMENT, index);
                writeNested(buffer, element, kind, component);
            }
            index++;
        }
        buffer.end(start);
    }

    /** {@code writeMapInternal}. */
    private void writeMap(BsonBuffer buffer, Map<?, ?> map, TypeInformation<?> type) {
        int start = buffer.start();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = mapKey(entry.getKey());
            Object value = entry.getValue();
            ValueClass kind = value == null ? null : classes.valueClass(value.getClass());
            if (kind == null || kind.simple()) {
                natives.write(buffer, name, value == null ? null : simple(value, kind));
            } else if (kind.shape() == Shape.COLLECTION) {
                buffer.element(BsonBuffer.ARRAY, name);
                writeCollection(buffer, asCollection(value), type.getMapValueType());
            } else {
                buffer.element(BsonBuffer.DOCUMENT, name);
                writeNested(buffer, value, kind, type.isMap() ? type.getMapValueType() : TypeInformation.OBJECT);
            }
        }
        buffer.end(start);
    }

    /** {@code writeInternal} with a type hint: a map, or an entity with {@code _class} unless it is of the hinted type. */
    private void writeNested(BsonBuffer buffer, Object value, ValueClass kind, TypeInformation<?> hint) {
        switch (kind.shape()) {
            case MAP -> writeMap(buffer, (Map<?, ?>) value, TypeInformation.MAP);
            case ENTITY -> writeDocument(buffer, value, plan(value.getClass()),
                    hint == null ? Object.class : hint.getRequiredActualType().getType());
            default -> throw new NotCovered();
        }
    }

    /** A map's key as Spring Data names it; a key it would refuse or convert goes to Spring Data whole. */
    private String mapKey(Object key) {
        if (key instanceof String string && string.indexOf('.') < 0) {
            return string;
        }
        if (key == null || key instanceof String || !classes.valueClass(key.getClass()).keyNamedByToString()) {
            throw new NotCovered();
        }
        String name = key.toString();
        if (name.contains(".")) {
            throw new NotCovered();
        }
        return name;
    }

    /** An element of a collection declared of a type: Spring Data converts it to that type first, which leaves one of it as it is. */
    private Object hinted(Object value, ValueClass kind, Class<?> hint) {
        if (value == null) {
            return null;
        }
        if (hint != Object.class && !hint.isInstance(value)) {
            throw new NotCovered();
        }
        return simple(value, kind);
    }

    /** Spring Data's {@code getPotentiallyConvertedSimpleWrite}. */
    private static Object simple(Object value, ValueClass kind) {
        return switch (kind.shape()) {
            case CONVERTED -> kind.conversion().apply(value);
            case ENUM -> ((Enum<?>) value).name();
            default -> value;
        };
    }

    private static Collection<?> asCollection(Object value) {
        return value instanceof Collection<?> collection ? collection : Arrays.asList((Object[]) value);
    }

    /** Something Spring Data writes by rules this class does not follow: the document goes to Spring Data whole. */
    static final class NotCovered extends RuntimeException {
        NotCovered() {
            super(null, null, false, false);
        }
    }
}
