package pl.sciezka.api.familycase;

import java.util.List;

/** One problem area of a diagnosis, the members it concerns and how severe it is. */
public record DiagnosedProblem(ProblemArea area, List<String> memberIds, Severity severity, String description) {

    public DiagnosedProblem {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
