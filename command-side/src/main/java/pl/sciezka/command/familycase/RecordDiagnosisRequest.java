package pl.sciezka.command.familycase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisSource;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.Severity;

record RecordDiagnosisRequest(@NotNull DiagnosisSource source,
                              @NotEmpty @Size(max = 15) List<@Valid @NotNull Problem> problems) {

    /** One problem area; the art. 7 list has 15, each at most once per diagnosis. */
    record Problem(@NotNull ProblemArea area,
                   @Size(max = 50) List<@NotBlank @Size(max = 64) String> memberIds,
                   @NotNull Severity severity,
                   @Size(max = 4000) String description) {

        DiagnosedProblem toDiagnosedProblem() {
            return new DiagnosedProblem(area, memberIds, severity, description);
        }
    }

    List<DiagnosedProblem> diagnosedProblems() {
        return problems.stream().map(Problem::toDiagnosedProblem).toList();
    }
}
