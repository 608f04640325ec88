package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
}
