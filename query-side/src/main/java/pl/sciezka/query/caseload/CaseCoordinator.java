package pl.sciezka.query.caseload;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which caseload a case is in, for events that name only the case. */
@Document(CaseCoordinator.COLLECTION)
record CaseCoordinator(@Id String caseId, String coordinatorId) {

    static final String COLLECTION = "caseload_case_coordinators";
}
