package pl.sciezka.command.familycase;

import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import pl.sciezka.api.problem.FieldViolation;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.Rejection;

/** Matches a rejection by its problem type and, when given, the one field it names. */
final class RejectionMatcher extends TypeSafeMatcher<Rejection> {

    private final ProblemType type;
    private final String field;

    private RejectionMatcher(ProblemType type, String field) {
        this.type = type;
        this.field = field;
    }

    static RejectionMatcher rejection(ProblemType type, String field) {
        return new RejectionMatcher(type, field);
    }

    @Override
    protected boolean matchesSafely(Rejection rejection) {
        List<String> fields = rejection.errors().stream().map(FieldViolation::field).toList();
        return rejection.type() == type && (field == null ? fields.isEmpty() : fields.equals(List.of(field)));
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a " + type + " rejection" + (field == null ? "" : " of field " + field));
    }

    @Override
    protected void describeMismatchSafely(Rejection rejection, Description mismatch) {
        mismatch.appendText("was " + rejection);
    }
}
