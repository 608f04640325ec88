package pl.sciezka.bench.hostile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A write endpoint as a template: a request its user may send (the body as nested maps and lists) and
 * what each field of the body is, so that a mutation can make exactly that field wrong.
 */
record Endpoint(String name, String method, String path, String user, Map<String, Object> body, List<Field> fields) {

    /** What a field holds, which decides what is certainly wrong for it. */
    enum Kind {
        /** free text up to {@code max} characters */
        TEXT,
        /** the id of something that must exist in the case or the network */
        REFERENCE,
        /** an id the server does not look up (a user id, a client-chosen goal id), up to {@code max} characters */
        FREE_ID,
        /** a code of a code list */
        CODE,
        /** an ISO date */
        DATE,
        /** an ISO date that may not lie in the future */
        PAST_DATE,
        /** an integer from {@code min} to {@code max} */
        INTEGER,
        /** a decimal amount from {@code min} up to {@code max} (no upper bound when max is 0) */
        DECIMAL,
        /** a rate from 0 to 1 */
        FRACTION,
        BOOLEAN,
        /** an array of at most {@code max} elements */
        ARRAY,
        OBJECT
    }

    /** A field by its path from the body's root (names and array indexes). */
    record Field(List<Object> path, Kind kind, boolean required, long min, long max) {

        String pointer() {
            StringBuilder pointer = new StringBuilder();
            for (Object step : path) {
                pointer.append(step instanceof Integer index ? "[" + index + "]" : (pointer.isEmpty() ? "" : ".") + step);
            }
            return pointer.toString();
        }
    }

    static Field field(Kind kind, boolean required, long min, long max, Object... path) {
        return new Field(List.of(path), kind, required, min, max);
    }

    static Field text(boolean required, int max, Object... path) {
        return field(Kind.TEXT, required, 0, max, path);
    }

    static Field required(Kind kind, Object... path) {
        return field(kind, true, 0, 0, path);
    }

    static Field optional(Kind kind, Object... path) {
        return field(kind, false, 0, 0, path);
    }

    /** The value at {@code path} in the valid body. */
    Object value(List<Object> path) {
        Object value = body;
        for (Object step : path) {
            value = value == null ? null
                    : step instanceof Integer index ? ((List<?>) value).get(index) : ((Map<?, ?>) value).get(step);
        }
        return value;
    }

    /** The body with the value at {@code path} replaced, or removed when {@code value} is {@link #ABSENT}. */
    Map<String, Object> with(List<Object> path, Object value) {
        return with(body, path, value);
    }

    /** {@code from} with the value at {@code path} replaced, or removed when {@code value} is {@link #ABSENT}. */
    static Map<String, Object> with(Map<String, Object> from, List<Object> path, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) deepCopy(from);
        Object parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? ((List<?>) parent).get(index) : ((Map<?, ?>) parent).get(step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) parent;
            list.set(index, value);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) parent;
            if (value == ABSENT) {
                map.remove(last);
            } else {
                map.put((String) last, value);
            }
        }
        return copy;
    }

    /** Marks a field to be left out of the body. */
    static final Object ABSENT = new Object();

    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> array(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, deepCopy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }
}
