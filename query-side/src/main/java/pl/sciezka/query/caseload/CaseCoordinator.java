package pl.sciezka.query.caseload;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which caseload a case is in, for events that name only the case; and, once the case has left every
 * caseload (closed, nothing left to measure), its line, so the coordinator's document holds only lines
 * someone still sees and does not grow with the coordinator's closed history.
 */
@Document(CaseCoordinator.COLLECTION)
record CaseCoordinator(@Id String caseId, String coordinatorId, CaseloadLine archived) {

    static final String COLLECTION = "caseload_case_coordinators";

    static CaseCoordinator active(String caseId, String coordinatorId) {
        return new CaseCoordinator(caseId, coordinatorId, null);
    }

    boolean isArchived() {
        return archived != null;
    }
}
