package pl.sciezka.query.caseload;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One document per coordinator, holding their open cases by case id: a caseload is one lookup by
 * {@code _id}, however many cases the centre has.
 */
@Document(CaseloadDocument.COLLECTION)
record CaseloadDocument(@Id String coordinatorId, Map<String, CaseloadLine> cases) {

    static final String COLLECTION = "caseloads";

    CaseloadDocument {
        cases = cases == null ? Map.of() : cases;
    }
}
