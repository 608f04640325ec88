package pl.sciezka.api.caseload;

import java.time.Instant;
import java.util.Set;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.ProblemArea;

public record CaseloadEntry(String caseId,
                            String familyName,
                            String district,
                            String coordinatorId,
                            CaseStatus status,
                            Set<ProblemArea> problemAreas,
                            Instant openedAt,
                            Instant lastActivityAt) {

    public CaseloadEntry {
        problemAreas = problemAreas == null ? Set.of() : Set.copyOf(problemAreas);
    }
}
