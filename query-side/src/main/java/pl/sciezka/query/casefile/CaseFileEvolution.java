package pl.sciezka.query.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.CaseFileDiagnosis;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;

/**
 * The case file as a pure fold over a case's events: the live projection applies one event at a
 * time, and a view "as of" a past instant folds the case's stored events up to it, with this code.
 */
final class CaseFileEvolution {

    private CaseFileEvolution() {
    }

    /**
     * @param current  the case file before the event, or {@code null} before the first
     * @param sequence the event's sequence number in the case's stream, which becomes the version
     */
    static CaseFile evolve(CaseFile current, FamilyCaseEvent event, long sequence, Instant at, String actorId) {
        if (event instanceof FamilyCaseOpened opened) {
            return new CaseFile(opened.caseId(), opened.familyName(), opened.district(), opened.coordinatorId(),
                    CaseStatus.OPENED, at, actorId, at, List.of(), sequence);
        }
        if (event instanceof DiagnosisRecorded recorded) {
            List<CaseFileDiagnosis> diagnoses = new ArrayList<>(current.diagnoses());
            diagnoses.add(new CaseFileDiagnosis(recorded.diagnosisId(), recorded.source(), recorded.problems(),
                    recorded.codeListVersion(), at, actorId));
            return new CaseFile(current.caseId(), current.familyName(), current.district(), current.coordinatorId(),
                    CaseStatus.DIAGNOSED, current.openedAt(), current.openedBy(), at, diagnoses, sequence);
        }
        throw new IllegalArgumentException("no case-file rule for " + event.getClass().getName());
    }
}
