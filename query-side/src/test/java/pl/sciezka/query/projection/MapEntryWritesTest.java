package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pl.sciezka.query.TestMongoDatabase;

/**
 * The BSON of {@link MapEntryWrites} is what Spring Data's update and query mappers make of the same update and
 * projection, for map values of the kinds the read models hold (a mutable class with enum sets, maps of enums and
 * of records, dates and instants; a record with a list of records and a decimal), but for two things: a value of
 * the map's own type carries no {@code _class} (the mappers add one because they cannot resolve the path, where a
 * whole document written by the converter has none; either reads back the same), and a renamed map field is
 * written under its stored name (the mappers leave the path as the property's name, so a read would not find it).
 */
class MapEntryWritesTest {

    enum Colour { RED, GREEN }

    record Stamp(Colour colour, Instant at) {
    }

    static class Line {
        String name;
        Set<Colour> colours = EnumSet.noneOf(Colour.class);
        Map<String, Colour> byMember = new HashMap<>();
        Map<String, Stamp> stamps = new HashMap<>();
        Map<Colour, Integer> counts = new EnumMap<>(Colour.class);
        LocalDate closedOn;
        Instant openedAt;
        long version = -1;
    }

    record Entry(String eventId, Instant occurredAt, BigDecimal cost, List<Stamp> stamps, boolean decision) {
    }

    record Lines(@Id String id, Map<String, Line> cases) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("entries")
    record Entries(@Id String id, @Field("by_event") Map<String, Entry> decisions) {
    }

    private final TestMongoDatabase database = new TestMongoDatabase();
    private final MongoConverter converter = database.template().getConverter();
    private final MapEntryWrites writes = new MapEntryWrites(converter);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void setsOfAClassAreWhatTheUpdateMapperMakes() {
        Line line = new Line();
        line.name = "Kowalscy";
        line.colours.add(Colour.GREEN);
        line.byMember.put("m-1", Colour.RED);
        line.stamps.put("r-1", new Stamp(Colour.GREEN, Instant.parse("2026-01-02T03:04:05.678Z")));
        line.counts.put(Colour.RED, 2);
        line.closedOn = LocalDate.of(2026, Month.MARCH, 31);
        line.openedAt = Instant.parse("2025-05-06T07:08:09Z");
        line.version = 12;
        Line blank = new Line();
        Map<String, Line> entries = new LinkedHashMap<>();
        entries.put("case-1", line);
        entries.put("b7f1c0de-0000-4000-8000-000000000001", blank);

        Update update = new Update();
        entries.forEach((key, value) -> update.set("cases." + key, value));
        assertThat(writes.set(Lines.class, "cases", entries)).isEqualTo(withoutClass(mapped(update, Lines.class)));
    }

    @Test
    void setsOfARecordUnderARenamedFieldAreWhatTheUpdateMapperMakes() {
        Entry entry = new Entry("e-1", Instant.parse("2026-02-03T10:00:00Z"), new BigDecimal("1250.50"),
                List.of(new Stamp(Colour.RED, Instant.parse("2026-02-03T11:00:00Z"))), true);

        Document set = writes.set(Entries.class, "decisions", Map.of("e-1", entry));
        Document mapped = withoutClass(mapped(new Update().set("decisions.e-1", entry), Entries.class));

        assertThat(set.get("$set", Document.class)).containsOnlyKeys("by_event.e-1");
        assertThat(set.get("$set", Document.class).get("by_event.e-1"))
                .isEqualTo(mapped.get("$set", Document.class).get("decisions.e-1"));
        database.template().getCollection("entries").updateOne(new Document("_id", "day-1"), set,
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        assertThat(database.template().findById("day-1", Entries.class).decisions()).containsExactly(Map.entry("e-1", entry));
    }

    @Test
    void unsetsAndProjectionsAreWhatTheMappersMake() {
        List<String> keys = List.of("case-1", "case-2");
        Update update = new Update();
        keys.forEach(key -> update.unset("cases." + key));
        Query query = new Query();
        keys.forEach(key -> query.fields().include("cases." + key));

        assertThat(writes.unset(Lines.class, "cases", keys)).isEqualTo(mapped(update, Lines.class));
        assertThat(writes.only(Lines.class, "cases", keys))
                .isEqualTo(new QueryMapper(converter).getMappedFields(query.getFieldsObject(), entity(Lines.class)));
        assertThat(writes.only(Entries.class, "decisions", keys)).containsOnlyKeys("by_event.case-1", "by_event.case-2");
    }

    @Test
    void aFieldThatIsNoMapIsRefused() {
        assertThatThrownBy(() -> writes.set(Lines.class, "id", Map.of("x", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a map");
    }

    private Document mapped(Update update, Class<?> type) {
        return new UpdateMapper(converter).getMappedObject(update.getUpdateObject(), entity(type));
    }

    /** The document with every {@code _class} left out, at any depth. */
    private static Document withoutClass(Document document) {
        Document copy = new Document();
        document.forEach((key, value) -> {
            if (!key.equals("_class")) {
                copy.put(key, withoutClass(value));
            }
        });
        return copy;
    }

    private static Object withoutClass(Object value) {
        if (value instanceof Document document) {
            return withoutClass(document);
        }
        return value instanceof List<?> list ? list.stream().map(MapEntryWritesTest::withoutClass).toList() : value;
    }

    private MongoPersistentEntity<?> entity(Class<?> type) {
        return converter.getMappingContext().getRequiredPersistentEntity(type);
    }
}
