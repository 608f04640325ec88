package pl.sciezka.query.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.query.outcomes.CohortCells.CellChange;

/**
 * Keeps the cohort cells of the default definition, so a cohort answer reads a few cells instead of
 * every family. Each event is folded into the case's facts; the case's figures before and after are
 * compared cell by cell, and only the difference is added, so a corrected measurement, a family moving
 * to another dose band or a new episode after reopening takes the family out of the cells it left.
 * Facts and the pending difference are stored in one write before any cell is touched; the cells then
 * take the difference at most once each (see {@link CohortCellDocument}), so a redelivered event or a
 * crash between the writes changes nothing twice. Whatever a crash left unfinished is finished before
 * the case's next event (or the same one again) is folded in.
 */
@Component
@ProcessingGroup(CohortCellsProjection.NAME)
class CohortCellsProjection {

    static final String NAME = "cohort-cells";

    private final MongoTemplate mongo;
    private final CohortCellStore cells;

    CohortCellsProjection(MongoTemplate mongo, CohortCellStore cells) {
        this.mongo = mongo;
        this.cells = cells;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        CohortCaseDocument kase = mongo.findById(event.caseId(), CohortCaseDocument.class);
        if (kase == null) {
            kase = CohortCaseDocument.of(event.caseId());
        }
        finishPending(kase);
        if (kase.facts.version >= sequence) {
            return;
        }
        Map<String, CellChange> before = kase.facts.version < 0 ? Map.of() : CohortCells.of(kase.facts);
        OutcomeFacts.apply(kase.facts, event, at);
        kase.facts.version = sequence;
        kase.pending = CohortCells.changes(before, CohortCells.of(kase.facts));
        kase.releasing = List.of();
        mongo.save(kase);
        finishPending(kase);
    }

    /**
     * Adds the pending changes to their cells, records that, then takes the token out of those cells again;
     * what was released is forgotten with the case's next write (releasing twice is harmless).
     */
    private void finishPending(CohortCaseDocument kase) {
        String token = kase.changeToken();
        if (!kase.pending.isEmpty()) {
            kase.pending.forEach(change -> cells.add(change, token));
            kase.releasing = kase.pending;
            kase.pending = List.of();
            mongo.save(kase);
        }
        if (!kase.releasing.isEmpty()) {
            cells.release(kase.releasing, token);
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CohortCellDocument.class);
        mongo.dropCollection(CohortCaseDocument.class);
    }
}
