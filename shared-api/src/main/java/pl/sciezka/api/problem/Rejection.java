package pl.sciezka.api.problem;

import java.util.List;

/** Why a command or query was refused: the problem type, a sentence for people, and any fields at fault. */
public record Rejection(ProblemType type, String detail, List<FieldViolation> errors) {

    public Rejection {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Rejection of(ProblemType type, String detail) {
        return new Rejection(type, detail, List.of());
    }

    public static Rejection invalidField(String field, String message) {
        return new Rejection(ProblemType.INVALID_INPUT, field + ": " + message,
                List.of(new FieldViolation(field, message)));
    }
}
