package pl.sciezka.query.projection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Updates and projections of single entries of a document's map field ({@code cases.<caseId>},
 * {@code decisions.<eventId>}), made as the driver's BSON. Spring Data's update and query mappers resolve every
 * path against the entity's properties, and a map's key is none: each such path cost a
 * {@code PropertyReferenceException} with its stack trace (2.6 % of a rebuild's pass, the caseload's mapping of its
 * lines as much again). Here the map field is resolved once per class, and the values are converted as the update
 * mapper converts them, by the converter with the map's value type as the hint. Two things differ from the
 * mappers' output, on purpose ({@code MapEntryWritesTest} compares the rest): a value of the map's own type carries
 * no {@code _class} (the mappers added one only because they could not resolve the path; a whole document written
 * by the converter has none, and either reads back the same), and a map field stored under another name
 * ({@code @Field}) is written under that name, where the mappers kept the property's.
 */
public final class MapEntryWrites {

    private record MapField(String name, TypeInformation<?> values) {
    }

    private final MongoConverter converter;
    private final Map<List<Object>, MapField> fields = new ConcurrentHashMap<>();

    public MapEntryWrites(MongoConverter converter) {
        this.converter = converter;
    }

    /** {@code {$set: {"field.key": value, …}}}, the values converted to what the mapper stores. */
    public Document set(Class<?> type, String mapProperty, Map<String, ?> entries) {
        MapField field = field(type, mapProperty);
        Document sets = new Document();
        entries.forEach((key, value) -> sets.put(field.name() + "." + key, converter.convertToMongoType(value, field.values())));
        return new Document("$set", sets);
    }

    /** {@code {$unset: {"field.key": 1, …}}}. */
    public Document unset(Class<?> type, String mapProperty, Collection<String> keys) {
        MapField field = field(type, mapProperty);
        Document unsets = new Document();
        keys.forEach(key -> unsets.put(field.name() + "." + key, 1));
        return new Document("$unset", unsets);
    }

    /** A projection of only these entries: {@code {"field.key": 1, …}}. */
    public Document only(Class<?> type, String mapProperty, Collection<String> keys) {
        MapField field = field(type, mapProperty);
        Document included = new Document();
        keys.forEach(key -> included.put(field.name() + "." + key, 1));
        return included;
    }

    private MapField field(Class<?> type, String mapProperty) {
        return fields.computeIfAbsent(List.of(type, mapProperty), key -> {
            MongoPersistentEntity<?> entity = converter.getMappingContext().getRequiredPersistentEntity(type);
            MongoPersistentProperty property = entity.getRequiredPersistentProperty(mapProperty);
            if (!property.isMap()) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + mapProperty + " is not a map");
            }
            return new MapField(property.getFieldName(), property.getTypeInformation().getRequiredMapValueType());
        });
    }
}
