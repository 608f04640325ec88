package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.annotation.Id;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.query.TestMongoDatabase;

/**
 * The BSON {@link ReadModelBson} writes is, byte for byte, what Spring Data's mapping and the driver's codec
 * send between them: for random instances of every read model's class (every field filled with random values
 * of its declared type, nulls, empty and nested collections and maps, subclasses and strings beyond ASCII),
 * none of them handed to Spring Data; and a document beyond its rules is written by Spring Data itself.
 */
class ReadModelBsonTest {

    private static final int INSTANCES = 300;
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final TestMongoDatabase database = new TestMongoDatabase();
    private final MongoTemplate mongo = database.template();
    private final Codec<Document> documents = mongo.getDb().getCodecRegistry().get(Document.class);
    private final ReadModelBson bson = ReadModelBson.of(mongo);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyReadModelIsWrittenAsSpringDataAndTheDriverWriteIt() throws Exception {
        List<Class<?>> readModels = readModelClasses();
        assertThat(readModels).as("the read models found on the class path").hasSizeGreaterThanOrEqualTo(13);
        Random random = new Random(20261207);
        for (Class<?> type : readModels) {
            for (int i = 0; i < INSTANCES; i++) {
                Object document = new RandomInstances(random, true).of(type, type, 0);
                assertSameBson(bson.write(document), bySpringData(document), type.getSimpleName() + " #" + i);
            }
        }
        assertThat(bson.writtenBySpringData()).as("documents handed to Spring Data").isZero();
    }

    @org.springframework.data.mongodb.core.mapping.Document("test_shapes")
    static class Shapes {
        @Id
        String id;
        Object anything;
        Note note;
        List<Object> mixed = new ArrayList<>();
        Map<String, Object> byName = new LinkedHashMap<>();
        Map<Generation, List<Note>> notesByGeneration = new TreeMap<>();
        SortedMap<String, Integer> counts = new TreeMap<>();
        int[] primitives;
    }

    static class Note {
        String text;
        LocalDateTime at;
    }

    static class LongNote extends Note {
        List<String> lines = new ArrayList<>();
    }

    record Entry(String id, BigDecimal amount, Set<Generation> generations) {
    }

    @Test
    void subclassesMapsOfListsAndValuesDeclaredAsObjectAreWrittenAsSpringDataWritesThem() {
        Shapes shapes = new Shapes();
        shapes.id = "5f1e2d3c4b5a697887766554"; // a valid ObjectId: Spring Data stores it as one
        shapes.anything = new LongNote();
        shapes.note = new LongNote();
        shapes.note.text = "zażółć";
        shapes.mixed.addAll(Arrays.asList("a", 1, 2L, null, new Entry("e-1", new BigDecimal("1.50"), EnumSet.allOf(Generation.class)),
                List.of("inner"), Map.of("k", 3), Generation.CHILD, new Document("raw", true)));
        shapes.byName.put("null", null);
        shapes.byName.put("note", new Note());
        shapes.byName.put("list", List.of(new Note(), new LongNote()));
        shapes.notesByGeneration.put(Generation.PARENT, List.of(new LongNote()));
        shapes.counts.put("b", 2);
        shapes.counts.put("a", 1);
        assertSameBson(bson.write(shapes), bySpringData(shapes), "shapes");
        assertThat(bson.writtenBySpringData()).isZero();
    }

    @Test
    void aDocumentBeyondItsRulesIsWrittenBySpringData() {
        Shapes withArray = new Shapes();
        withArray.id = "s-1";
        withArray.primitives = new int[] {1, 2, 3};
        assertSameBson(bson.write(withArray), bySpringData(withArray), "with an array of ints");
        assertThat(bson.writtenBySpringData()).isEqualTo(1);

        Shapes withDottedKey = new Shapes();
        withDottedKey.id = "s-3";
        withDottedKey.counts.put("a.b", 1);
        assertThatThrownBy(() -> bson.write(withDottedKey)).isInstanceOf(MappingException.class).hasMessageContaining("a.b");
    }

    private RawBsonDocument bySpringData(Object document) {
        Document mapped = new Document();
        mongo.getConverter().write(document, mapped);
        return new RawBsonDocument(mapped, documents);
    }

    /** Typed JSON first, whose difference can be read, then every byte. */
    private static void assertSameBson(RawBsonDocument written, RawBsonDocument expected, String what) {
        assertThat(written.toJson(EXTENDED)).as(what).isEqualTo(expected.toJson(EXTENDED));
        assertThat(bytes(written)).as(what).isEqualTo(bytes(expected));
    }

    private static byte[] bytes(RawBsonDocument document) {
        return Arrays.copyOf(document.getByteBuffer().array(), document.getByteBuffer().limit());
    }

    private static List<Class<?>> readModelClasses() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(org.springframework.data.mongodb.core.mapping.Document.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("pl.sciezka.query")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.getAnnotation(org.springframework.data.mongodb.core.mapping.Document.class).value().startsWith("test_")) {
                found.add(type);
            }
        }
        return found;
    }

    /**
     * Random values of a declared type, the project's classes and records filled field by field; a record that
     * refuses a null (copying a list, say) is made again with nothing null in it.
     */
    private record RandomInstances(Random random, boolean nulls) {

        private static final int DEEPEST = 4;

        Object of(Type declared, Class<?> raw, int depth) {
            if (raw.isPrimitive()) {
                return primitive(raw);
            }
            if (nulls && depth > 0 && random.nextInt(8) == 0) {
                return null;
            }
            if (raw == String.class) {
                return string();
            }
            if (raw == Integer.class || raw == Long.class || raw == Double.class || raw == Boolean.class) {
                return primitive(raw == Integer.class ? int.class : raw == Long.class ? long.class
                        : raw == Double.class ? double.class : boolean.class);
            }
            if (raw.isEnum()) {
                Object[] constants = raw.getEnumConstants();
                return constants[random.nextInt(constants.length)];
            }
            if (raw == Instant.class) {
                return Instant.ofEpochMilli(1_500_000_000_000L + random.nextInt(Integer.MAX_VALUE) * 100L);
            }
            if (raw == LocalDate.class) {
                return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(12_000));
            }
            if (raw == BigDecimal.class) {
                return BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, random.nextInt(4));
            }
            if (raw == Object.class) {
                return random.nextBoolean() ? string() : random.nextInt(1000);
            }
            if (raw == Document.class) {
                return new Document("text", string()).append("n", random.nextInt(10));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return map(declared, raw, depth);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return collection(declared, raw, depth);
            }
            if (depth >= DEEPEST) {
                return null;
            }
            return raw.isRecord() ? record(raw, depth) : object(raw, depth);
        }

        private Object primitive(Class<?> type) {
            if (type == int.class) {
                return random.nextInt(3) == 0 ? random.nextInt() : random.nextInt(100);
            }
            if (type == long.class) {
                return random.nextBoolean() ? random.nextLong() : random.nextInt(100) - 1L;
            }
            if (type == double.class) {
                return random.nextDouble() * 1000;
            }
            return random.nextBoolean();
        }

        private String string() {
            String[] pieces = {"", "anna", "case-", "Łódź", "zażółć gęślą jaźń", "\u00e9t\u00e9", "x\u4e2d", "emoji \uD83D\uDE00",
                "a lone \uD800 surrogate", "tab\tand\nline"};
            return pieces[random.nextInt(pieces.length)] + (random.nextBoolean() ? random.nextInt(1000) : "");
        }

        private Object map(Type declared, Class<?> raw, int depth) {
            Type[] arguments = arguments(declared, 2);
            Class<?> keyType = rawOf(arguments[0]);
            Map<Object, Object> map = SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
            int size = depth + 1 >= DEEPEST ? 0 : random.nextInt(4);
            for (int i = 0; i < size; i++) {
                Object key = keyType.isEnum() ? of(keyType, keyType, 0) : random.nextBoolean() ? string() : "k" + random.nextInt(100);
                map.put(key, of(arguments[1], rawOf(arguments[1]), depth + 1));
            }
            return map;
        }

        private Object collection(Type declared, Class<?> raw, int depth) {
            Type element = arguments(declared, 1)[0];
            Class<?> elementType = rawOf(element);
            Collection<Object> values = Set.class.isAssignableFrom(raw)
                    ? (elementType.isEnum() && random.nextBoolean() ? enumSet(elementType) : new LinkedHashSet<>())
                    : new ArrayList<>();
            int size = depth + 1 >= DEEPEST ? 0 : random.nextInt(4);
            for (int i = 0; i < size; i++) {
                Object value = of(element, elementType, depth + 1);
                if (value != null || !(values instanceof EnumSet<?>)) {
                    values.add(value);
                }
            }
            return values;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Collection<Object> enumSet(Class<?> type) {
            return (Collection) EnumSet.noneOf((Class<Enum>) type);
        }

        private Object record(Class<?> type, int depth) {
            try {
                return construct(type, depth);
            } catch (IllegalStateException refusedANull) {
                return new RandomInstances(random, false).construct(type, depth);
            }
        }

        private Object construct(Class<?> type, int depth) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = of(components[i].getGenericType(), types[i], depth + 1);
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type.getName(), e);
            }
        }

        private Object object(Class<?> type, int depth) {
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                Object instance = constructor.newInstance();
                for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())
                                || Modifier.isTransient(field.getModifiers())) {
                            continue;
                        }
                        field.setAccessible(true);
                        field.set(instance, of(field.getGenericType(), field.getType(), depth + 1));
                    }
                }
                return instance;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type.getName(), e);
            }
        }

        private static Type[] arguments(Type declared, int count) {
            if (declared instanceof ParameterizedType parameterized) {
                return parameterized.getActualTypeArguments();
            }
            Type[] objects = new Type[count];
            Arrays.fill(objects, Object.class);
            return objects;
        }

        private static Class<?> rawOf(Type type) {
            if (type instanceof Class<?> c) {
                return c;
            }
            if (type instanceof ParameterizedType parameterized) {
                return (Class<?>) parameterized.getRawType();
            }
            if (type instanceof WildcardType wildcard) {
                return rawOf(wildcard.getUpperBounds()[0]);
            }
            return Object.class;
        }
    }
}
