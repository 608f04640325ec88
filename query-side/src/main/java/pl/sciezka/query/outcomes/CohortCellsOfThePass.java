package pl.sciezka.query.outcomes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pl.sciezka.query.outcomes.CohortCells.CellChange;
import pl.sciezka.query.projection.EndOfBatch;
import pl.sciezka.query.projection.EndOfPass;

/**
 * What a rebuild's pass adds to the cohort cells, summed in memory over the whole pass and written once at
 * its end ({@link EndOfPass}). A batch of a rebuild touches nearly every cell; written a batch at a time
 * under the cases' tokens, the cells cost the embedded server as much as all the cases' facts. In a pass
 * nothing else writes the cells, and a pass that fails for the projection resets it again, so the changes
 * need no tokens: the cases are stored as done, and the cells take the sums at the end.
 */
final class CohortCellsOfThePass implements EndOfBatch.Held {

    private final CohortCellStore cells;
    private final Map<String, CellChange> totals = new LinkedHashMap<>();

    CohortCellsOfThePass(CohortCellStore cells) {
        this.cells = cells;
    }

    void add(List<CellChange> changes) {
        for (CellChange change : changes) {
            totals.merge(change.cellId(), change,
                    (sum, more) -> new CellChange(sum.cellId(), sum.key(), sum.figures().plus(more.figures())));
        }
    }

    @Override
    public void flush() {
        cells.addUnguarded(List.copyOf(totals.values()));
        totals.clear();
    }
}
