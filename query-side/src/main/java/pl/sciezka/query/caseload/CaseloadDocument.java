package pl.sciezka.query.caseload;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One document per coordinator, holding the cases their caseload shows (open, or closed with a follow-up
 * still to measure) by case id: a caseload is one lookup by {@code _id}, however many cases the centre has
 * and however many the coordinator has closed (those lines move to {@link CaseCoordinator}).
 */
@Document(CaseloadDocument.COLLECTION)
record CaseloadDocument(@Id String coordinatorId, Map<String, CaseloadLine> cases) {

    static final String COLLECTION = "caseloads";

    CaseloadDocument {
        cases = cases == null ? Map.of() : cases;
    }
}
