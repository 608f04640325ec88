package pl.sciezka.query.projection;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * What {@link ReadModelBson} asks of Spring Data about a class, asked once: an entity's properties in Spring Data's
 * order with their stored names, fields and declared types, and its type key; what kind of value a class's instances
 * are, and how a simple one is converted for writing. A class with something beyond {@code ReadModelBson}'s rules
 * is marked so, and a document holding it goes to Spring Data whole.
 */
final class ReadModelClasses {

    private final MongoConverter converter;
    private final CustomConversions conversions;
    private final ConversionService conversionService;
    private final ClassValue<ValueClass> valueClasses = new ClassValue<>() {
        @Override
        protected ValueClass computeValue(Class<?> type) {
            return valueClassOf(type);
        }
    };
    private final ClassValue<EntityPlan> plans = new ClassValue<>() {
        @Override
        protected EntityPlan computeValue(Class<?> type) {
            return planOf(type);
        }
    };

    private final ClassValue<MongoPersistentEntity<?>> entities = new ClassValue<>() {
        @Override
        protected MongoPersistentEntity<?> computeValue(Class<?> type) {
            return converter.getMappingContext().getRequiredPersistentEntity(type);
        }
    };

    ReadModelClasses(MongoConverter converter) {
        this.converter = converter;
        this.conversions = converter.getCustomConversions();
        this.conversionService = converter.getConversionService();
    }

    ValueClass valueClass(Class<?> type) {
        return valueClasses.get(type);
    }

    EntityPlan plan(Class<?> type) {
        return plans.get(type);
    }

    /** Spring Data's mapping of a document's class, asked of its mapping context once (a lookup through two caches). */
    MongoPersistentEntity<?> entity(Class<?> type) {
        return entities.get(type);
    }

    /** A property as written: its field read directly (Spring Data's field access), its stored name in BSON. */
    record PropertyPlan(Field field, byte[] name, MongoPersistentProperty property, TypeInformation<?> type,
                        Class<?> rawType, boolean writeNull) {
    }

    /** A stored {@code _class} field (or none: a null name), ready to write. */
    record TypeKey(byte[] name, Object alias) {
    }

    /**
     * A class's properties as Spring Data writes them, in its order, the id first; and its type key, written when
     * the class is not the one declared. A plan with {@code covered} false sends every document holding the class
     * to Spring Data.
     */
    record EntityPlan(boolean covered, PropertyPlan id, List<PropertyPlan> properties, TypeKey typeKey) {
    }

    private EntityPlan planOf(Class<?> type) {
        EntityPlan notCovered = new EntityPlan(false, null, List.of(), null);
        MongoPersistentEntity<?> entity = converter.getMappingContext().getPersistentEntity(type);
        if (entity == null) {
            return notCovered;
        }
        PropertyPlan id = null;
        List<PropertyPlan> properties = new ArrayList<>();
        for (MongoPersistentProperty property : entity) {
            Field field = property.getField();
            if (field == null || property.usePropertyAccess() || property.isAssociation() || property.isDbReference()
                    || property.isUnwrapped() || property.hasExplicitWriteTarget() || conversions.hasValueConverter(property)
                    || property.getMongoField().getName().parts().length != 1) {
                return notCovered;
            }
            boolean isId = property.equals(entity.getIdProperty());
            if (!isId && !property.isWritable()) {
                continue;
            }
            field.setAccessible(true);
            PropertyPlan plan = new PropertyPlan(field, BsonBuffer.name(property.getFieldName()), property,
                    property.getTypeInformation(), property.getRawType(), property.writeNullValues());
            if (isId) {
                id = plan;
            } else {
                properties.add(plan);
            }
        }
        Document typeKey = new Document();
        converter.getTypeMapper().writeType(type, typeKey);
        if (typeKey.size() > 1) {
            return notCovered;
        }
        TypeKey key = typeKey.isEmpty() ? new TypeKey(null, null)
                : new TypeKey(BsonBuffer.name(typeKey.keySet().iterator().next()), typeKey.values().iterator().next());
        return new EntityPlan(true, id, List.copyOf(properties), key);
    }

    enum Shape { NATIVE, ENUM, CONVERTED, COLLECTION, MAP, ENTITY, NOT_COVERED }

    /**
     * What kind of value a class's instances are to Spring Data, how a simple one is converted for writing, and
     * whether one as a map's key is named by its {@code toString()} (a simple class with no conversion to a string).
     */
    record ValueClass(Shape shape, UnaryOperator<Object> conversion, boolean keyNamedByToString) {

        ValueClass(Shape shape, UnaryOperator<Object> conversion) {
            this(shape, conversion, false);
        }

        boolean simple() {
            return shape == Shape.NATIVE || shape == Shape.ENUM || shape == Shape.CONVERTED;
        }
    }

    private ValueClass valueClassOf(Class<?> type) {
        ValueClass kind = kindOf(type);
        boolean keyNamedByToString = kind.simple() && !conversions.hasCustomWriteTarget(type, String.class);
        return new ValueClass(kind.shape(), kind.conversion(), keyNamedByToString);
    }

    private ValueClass kindOf(Class<?> type) {
        if (conversions.isSimpleType(type)) {
            Optional<Class<?>> target = conversions.getCustomWriteTarget(type);
            if (target.isPresent()) {
                return new ValueClass(Shape.CONVERTED, conversion(type, target.get()));
            }
            if (type.isArray() && type != byte[].class) {
                return new ValueClass(Shape.NOT_COVERED, null);
            }
            return new ValueClass(Enum.class.isAssignableFrom(type) ? Shape.ENUM : Shape.NATIVE, null);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return new ValueClass(type.isArray() && type.getComponentType().isPrimitive() ? Shape.NOT_COVERED : Shape.COLLECTION, null);
        }
        if (Map.class.isAssignableFrom(type)) {
            return new ValueClass(Shape.MAP, null);
        }
        boolean converted = conversions.getCustomWriteTarget(type).isPresent()
                || conversions.hasCustomWriteTarget(type, Document.class);
        return new ValueClass(converted ? Shape.NOT_COVERED : Shape.ENTITY, null);
    }

    /**
     * How Spring Data's conversion service converts a simple value for writing. Asking the service costs a lookup
     * of its converter by both types at every value (most of what writing a number or an instant cost), so the
     * conversions every read model makes are done here as its converters do them: a number to {@code Number} is
     * itself ({@code NumberToNumberConverter}), an instant or a local date or time a {@link Date} in the JVM's zone
     * ({@code Jsr310Converters}). Any other goes to the service.
     */
    private UnaryOperator<Object> conversion(Class<?> type, Class<?> target) {
        if (target == Number.class && Number.class.isAssignableFrom(type)) {
            return UnaryOperator.identity();
        }
        if (target == Date.class && type == Instant.class) {
            return value -> Date.from((Instant) value);
        }
        if (target == Date.class && type == LocalDate.class) {
            return value -> Date.from(((LocalDate) value).atStartOfDay(ZoneId.systemDefault()).toInstant());
        }
        if (target == Date.class && type == LocalDateTime.class) {
            return value -> Date.from(((LocalDateTime) value).atZone(ZoneId.systemDefault()).toInstant());
        }
        return value -> conversionService.convert(value, target);
    }
}
