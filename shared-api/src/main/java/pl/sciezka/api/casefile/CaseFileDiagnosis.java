package pl.sciezka.api.casefile;

import java.time.Instant;
import java.util.List;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisSource;

public record CaseFileDiagnosis(String diagnosisId,
                                DiagnosisSource source,
                                List<DiagnosedProblem> problems,
                                String codeListVersion,
                                Instant recordedAt,
                                String recordedBy) {

    public CaseFileDiagnosis {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
