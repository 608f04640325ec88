package pl.sciezka.api.familycase;

import java.util.List;

/** A diagnosis as recorded, with the version of the art. 7 code list its areas come from. */
public record DiagnosisRecorded(String caseId,
                                String diagnosisId,
                                DiagnosisSource source,
                                List<DiagnosedProblem> problems,
                                String codeListVersion) implements FamilyCaseEvent {

    public DiagnosisRecorded {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
