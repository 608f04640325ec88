package pl.sciezka.query.projection;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Copies of read-model documents, taken after every event of a batch so that a failed event can go
 * back to the one before. Converting to BSON did that, but costs in proportion to everything the
 * document holds at every event, which made a batch quadratic in a long case (a fifth of a rebuild's
 * CPU). A copy here is structural: the document's own class and the project's mutable classes inside
 * it are copied field by field, collections and maps are copied, and records, strings, numbers,
 * enums and {@code java.time} values are shared, being immutable ({@link ReadModelWriter}'s rules: a
 * record held by a document is replaced, never changed inside). A document with anything else in it
 * is copied by converting it to BSON and back, as before.
 */
final class DocumentCopies {

    // what a class allows is the same for every batch, and a batch makes its own DocumentCopies
    private static final ClassValue<Copier> COPIERS = new ClassValue<>() {
        @Override
        protected Copier computeValue(Class<?> type) {
            return Copier.of(type);
        }
    };
    /**
     * Asked of every value at every copy, so answered once per class: the checks read the class's modifiers, its
     * superclass and its package name each time.
     */
    private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return immutable(type);
        }
    };
    private static final Set<Class<?>> UNCOPYABLE = ConcurrentHashMap.newKeySet();

    private final MongoConverter converter;

    DocumentCopies(MongoConverter converter) {
        this.converter = converter;
    }

    /** A copy that later changes to either side leave the other as it is; null for null. */
    Object copy(Object document) {
        if (document == null || IMMUTABLE.get(document.getClass())) {
            return document;
        }
        Class<?> type = document.getClass();
        if (!UNCOPYABLE.contains(type)) {
            try {
                return copyValue(document);
            } catch (Uncopyable notPlain) {
                UNCOPYABLE.add(type);
            }
        }
        return converter.read(type, bson(document));
    }

    /** The document as Spring Data maps it. */
    Document bson(Object document) {
        Document written = new Document();
        converter.write(document, written);
        return written;
    }

    private Object copyValue(Object value) {
        if (value == null || IMMUTABLE.get(value.getClass())) {
            return value;
        }
        if (value instanceof Document document) {
            Document copied = new Document();
            document.forEach((key, inner) -> copied.put(key, copyValue(inner)));
            return copied;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof Collection<?> collection) {
            return copyCollection(collection);
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            Object copied = Array.newInstance(value.getClass().getComponentType(), length);
            for (int i = 0; i < length; i++) {
                Array.set(copied, i, copyValue(Array.get(value, i)));
            }
            return copied;
        }
        return COPIERS.get(value.getClass()).copy(value, this);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object copyMap(Map<?, ?> map) {
        Map copied;
        if (map instanceof EnumMap<?, ?> enumMap) {
            copied = new EnumMap(enumMap);
        } else if (map instanceof SortedMap<?, ?> sorted) {
            copied = new TreeMap(sorted.comparator());
        } else {
            copied = new LinkedHashMap<>(Math.max(16, map.size() * 4 / 3 + 1));
        }
        map.forEach((key, inner) -> copied.put(key, copyValue(inner)));
        return copied;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object copyCollection(Collection<?> collection) {
        Collection copied;
        if (collection instanceof EnumSet<?> enumSet) {
            return enumSet.clone(); // enums are immutable
        } else if (collection instanceof SortedSet<?> sorted) {
            copied = new TreeSet(sorted.comparator());
        } else if (collection instanceof Set<?>) {
            copied = new LinkedHashSet<>(Math.max(16, collection.size() * 4 / 3 + 1));
        } else if (collection instanceof List<?>) {
            copied = new ArrayList<>(collection.size());
        } else {
            throw new Uncopyable(collection.getClass());
        }
        for (Object inner : collection) {
            copied.add(copyValue(inner));
        }
        return copied;
    }

    private static boolean immutable(Class<?> type) {
        return type.isRecord() || type.isEnum() || type == String.class || type == Boolean.class
                || type == Character.class || type == UUID.class || type == ObjectId.class
                || type == BigDecimal.class || type == BigInteger.class
                || (Number.class.isAssignableFrom(type) && type.getPackageName().equals("java.lang"))
                || (type.getPackageName().equals("java.time") && !type.isInterface())
                || (type.getSuperclass() != null && type.getSuperclass().isEnum()); // an enum constant with a body
    }

    /** How one of the project's mutable classes is copied: a new instance, each field copied. */
    private record Copier(Constructor<?> constructor, List<Field> fields) {

        static Copier of(Class<?> type) {
            if (!type.getName().startsWith("pl.sciezka.") || type.isInterface()
                    || Modifier.isAbstract(type.getModifiers())) {
                return new Copier(null, List.of());
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                List<Field> fields = new ArrayList<>();
                for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers())) {
                            continue;
                        }
                        if (Modifier.isFinal(field.getModifiers())) {
                            return new Copier(null, List.of()); // set only by a constructor we cannot call
                        }
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
                return new Copier(constructor, List.copyOf(fields));
            } catch (ReflectiveOperationException | RuntimeException noPlainConstructor) {
                return new Copier(null, List.of());
            }
        }

        Object copy(Object original, DocumentCopies copies) {
            if (constructor == null) {
                throw new Uncopyable(original.getClass());
            }
            try {
                Object copied = constructor.newInstance();
                for (Field field : fields) {
                    field.set(copied, copies.copyValue(field.get(original)));
                }
                return copied;
            } catch (ReflectiveOperationException | IllegalArgumentException cannot) {
                throw new Uncopyable(original.getClass());
            }
        }
    }

    /** Thrown when a document holds something this class does not know how to copy. */
    private static final class Uncopyable extends RuntimeException {
        Uncopyable(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }
}
