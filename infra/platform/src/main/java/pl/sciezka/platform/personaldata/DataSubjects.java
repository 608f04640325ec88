package pl.sciezka.platform.personaldata;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamContext;
import pl.sciezka.api.personaldata.DataSubjectId;

/**
 * Finds whose personal value is being written: the {@link DataSubjectId} of the object the value is a
 * property of, or else of the nearest object around it (a participant in a list of an event, say).
 */
final class DataSubjects {

    /** How to read the subject id of a class, or null if it declares none; looked up once per class. */
    private static final ClassValue<AccessibleObject> SUBJECT_ID = new ClassValue<>() {
        @Override
        protected AccessibleObject computeValue(Class<?> type) {
            return subjectIdOf(type);
        }
    };

    private DataSubjects() {
    }

    /** The subject of the value about to be written into {@code json}; refuses rather than write plaintext. */
    static String ofValueBeingWritten(JsonGenerator json) {
        for (TokenStreamContext context = json.streamWriteContext(); context != null; context = context.getParent()) {
            Object holder = context.currentValue();
            AccessibleObject subjectId = holder == null ? null : SUBJECT_ID.get(holder.getClass());
            if (subjectId != null) {
                Object id = read(subjectId, holder);
                if (id == null || id.toString().isBlank()) {
                    throw new IllegalStateException("The @DataSubjectId of " + holder.getClass().getName()
                            + " is empty, so its personal data cannot be encrypted for anyone");
                }
                return id.toString();
            }
        }
        throw new IllegalStateException("Personal data at " + json.streamWriteContext().pathAsPointer()
                + " has no data subject: neither its record nor any record around it has a @DataSubjectId component");
    }

    private static AccessibleObject subjectIdOf(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.getName().startsWith("java.")) {
            return null;
        }
        List<AccessibleObject> found = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(DataSubjectId.class)) {
                    found.add(component.getAccessor());
                }
            }
        } else {
            for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
                for (Field field : level.getDeclaredFields()) {
                    if (field.isAnnotationPresent(DataSubjectId.class)) {
                        found.add(field);
                    }
                }
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException(type.getName() + " has " + found.size()
                    + " @DataSubjectId components; a record names one data subject (nest a record per person instead)");
        }
        if (found.isEmpty()) {
            return null;
        }
        AccessibleObject accessor = found.get(0);
        accessor.setAccessible(true);
        return accessor;
    }

    private static Object read(AccessibleObject accessor, Object holder) {
        try {
            return accessor instanceof Method method ? method.invoke(holder) : ((Field) accessor).get(holder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the @DataSubjectId of " + holder.getClass().getName(), e);
        }
    }
}
