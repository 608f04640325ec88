package pl.sciezka.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import pl.sciezka.api.problem.FieldViolation;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says in plain words, and by JSON path, what Jackson could not read in a request body. */
final class JsonErrors {

    private JsonErrors() {
    }

    static Rejection describe(JacksonException error) {
        String field = pathOf(error);
        if (error instanceof UnrecognizedPropertyException unknown) {
            return invalid(field, "unknown field; expected one of " + unknown.getKnownPropertyIds());
        }
        if (error instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return invalid(field, "'" + format.getValue() + "' is not one of "
                    + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ", "[", "]")));
        }
        if (error instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return invalid(field, "expected " + describeType(mismatch.getTargetType()));
        }
        if (error instanceof StreamReadException && error.getLocation() != null) {
            return Rejection.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON (line "
                    + error.getLocation().getLineNr() + ", column " + error.getLocation().getColumnNr() + ").");
        }
        return field.isEmpty()
                ? Rejection.of(ProblemType.MALFORMED_REQUEST, "The body could not be read as the expected JSON object.")
                : invalid(field, "could not be read");
    }

    private static Rejection invalid(String field, String message) {
        return new Rejection(ProblemType.INVALID_INPUT, field + ": " + message,
                List.of(new FieldViolation(field, message)));
    }

    /** {@code problems[0].area} from Jackson's reference chain. */
    static String pathOf(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
