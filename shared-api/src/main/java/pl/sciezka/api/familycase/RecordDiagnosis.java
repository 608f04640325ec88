package pl.sciezka.api.familycase;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a diagnosis (<i>diagnoza</i>) of the family's problem areas. */
public record RecordDiagnosis(@TargetAggregateIdentifier String caseId,
                              String diagnosisId,
                              DiagnosisSource source,
                              List<DiagnosedProblem> problems) {

    public RecordDiagnosis {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
