package pl.sciezka.api.problem;

/** What is wrong with one field of a request, the field named by its JSON path (e.g. {@code problems[0].area}). */
public record FieldViolation(String field, String message) {
}
