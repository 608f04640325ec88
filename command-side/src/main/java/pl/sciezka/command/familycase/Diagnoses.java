package pl.sciezka.command.familycase;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.problem.RejectedException;

/** A diagnosis names at least one problem area, each once, concerning members of the family. */
final class Diagnoses {

    private Diagnoses() {
    }

    static void check(List<DiagnosedProblem> problems, Members members) {
        if (problems.isEmpty()) {
            throw RejectedException.invalidField("problems", "a diagnosis names at least one problem area");
        }
        Set<ProblemArea> areas = EnumSet.noneOf(ProblemArea.class);
        for (int i = 0; i < problems.size(); i++) {
            DiagnosedProblem problem = problems.get(i);
            if (!areas.add(problem.area())) {
                throw RejectedException.invalidField("problems[" + i + "].area",
                        "problem area " + problem.area() + " appears twice in this diagnosis");
            }
            members.requireKnown("problems[" + i + "].memberIds", problem.memberIds());
        }
    }
}
