package pl.sciezka.api.casefile;

import java.time.Instant;
import java.util.List;
import pl.sciezka.api.familycase.CaseStatus;

/**
 * The case file (<i>akta sprawy</i>): the current state of one family case. {@code version} is the
 * sequence number of the last event applied, the same number a write answers in its ETag.
 */
public record CaseFile(String caseId,
                       String familyName,
                       String district,
                       String coordinatorId,
                       CaseStatus status,
                       Instant openedAt,
                       String openedBy,
                       Instant lastActivityAt,
                       List<CaseFileDiagnosis> diagnoses,
                       long version) {

    public CaseFile {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }
}
