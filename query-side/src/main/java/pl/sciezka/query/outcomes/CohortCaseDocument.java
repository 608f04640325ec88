package pl.sciezka.query.outcomes;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.query.outcomes.CohortCellStore.Release;
import pl.sciezka.query.outcomes.CohortCells.CellChange;

/**
 * A case as the cohort cells know it: its own copy of the outcome facts (the outcomes projection may be
 * ahead or behind), and the cell changes of its latest event: {@code pending} until every cell has
 * them, then their cells ({@code releasingCells}) until every cell has forgotten their token. Facts and
 * pending changes are written together, so no change is lost between them. The facts' {@code version} is
 * the sequence of the last event that could change them: events that cannot are never read or written here.
 */
@Document("cohort_cases")
class CohortCaseDocument {

    @Id
    String caseId;
    OutcomeDocument facts = new OutcomeDocument();
    List<CellChange> pending = new ArrayList<>();
    /**
     * The cells of the changes last added, by id alone: their release needs no more. Whole changes here
     * made four fifths of the document (fifty cells of a case, each with its figures), written at every
     * event that matters and cloned whole by the embedded server at each update. Named apart from the
     * field that held whole changes, which a document written before is read without.
     */
    List<String> releasingCells = new ArrayList<>();
    /** The change token {@code releasingCells} were added under: later events that change no cell leave both as they are. */
    String releasingToken;

    static CohortCaseDocument of(String caseId) {
        CohortCaseDocument document = new CohortCaseDocument();
        document.caseId = caseId;
        document.facts.caseId = caseId;
        return document;
    }

    /** The token of the changes last added, to take out of their cells. */
    Release releasing() {
        return new Release(releasingCells, releasingToken);
    }

    /** Names the pending changes in the cells they are added to: the case and the sequence they come from. */
    String changeToken() {
        return caseId + "@" + facts.version;
    }
}
