package pl.sciezka.query.outcomes;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One cohort cell of the default definition, looked up by id. Written only by atomic increments, as
 * segments of the pooled processor add to the same cells at once. {@code applying} names the changes
 * ({@code caseId@sequence}) added here whose case has not yet recorded them as done, so a change is
 * added at most once even if the projection dies between writes and meets the event again.
 */
@Document("cohort_cells")
class CohortCellDocument {

    @Id
    String id;
    String key;
    CohortFigures figures = CohortFigures.NONE;
    Set<String> applying = new LinkedHashSet<>();
}
