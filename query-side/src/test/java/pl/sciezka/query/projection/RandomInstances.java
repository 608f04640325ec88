package pl.sciezka.query.projection;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Random values of a declared type, the project's classes and records filled field by field; a record that
 * refuses a null (copying a list, say) is made again with nothing null in it.
 */
record RandomInstances(Random random, boolean nulls) {

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
