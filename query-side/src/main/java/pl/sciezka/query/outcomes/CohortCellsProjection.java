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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
 * <p>
 * Events that cannot change the facts ({@link OutcomeFacts#matters}) are skipped before MongoDB is
 * touched, so the facts' version is the sequence of the last event that mattered. The version check stays
 * sound: a redelivered event that matters has a sequence at most that version, one that does not is
 * skipped again. An event that changes no cell costs one read and one write; one that does adds to every
 * cell in one bulk write, which also takes the previous change's token out of its cells if its release
 * never happened.
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
        if (!OutcomeFacts.matters(event)) {
            return;
        }
        CohortCaseDocument kase = mongo.findById(event.caseId(), CohortCaseDocument.class);
        if (kase == null) {
            kase = CohortCaseDocument.of(event.caseId());
        } else if (kase.releasingToken == null) {
            kase.releasingToken = kase.changeToken(); // stored before the token was: releasing was the latest change
        }
        if (!kase.pending.isEmpty()) {
            finish(kase);
        }
        if (kase.facts.version >= sequence) {
            // seen already: only the release of its changes may not have happened
            cells.release(kase.releasing, kase.releasingToken);
            return;
        }
        Map<String, CellChange> before = kase.facts.version < 0 ? Map.of() : CohortCells.of(kase.facts);
        OutcomeFacts.apply(kase.facts, event, at);
        kase.facts.version = sequence;
        kase.pending = CohortCells.changes(before, CohortCells.of(kase.facts));
        mongo.save(kase);
        if (!kase.pending.isEmpty()) {
            finish(kase);
        }
    }

    /**
     * Adds the pending changes to their cells (and releases a previous change's token once more), records
     * that, then takes the token out of those cells again. A crash anywhere here leaves the case's pending
     * changes or releasing list stored, and the next delivery picks up from there.
     */
    private void finish(CohortCaseDocument kase) {
        String token = kase.changeToken();
        cells.add(kase.pending, token, kase.releasing, kase.releasingToken);
        kase.releasing = kase.pending;
        kase.releasingToken = token;
        kase.pending = List.of();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(kase.caseId)),
                new Update().set("pending", kase.pending).set("releasing", kase.releasing)
                        .set("releasingToken", token), CohortCaseDocument.class);
        cells.release(kase.releasing, token);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CohortCellDocument.class);
        mongo.dropCollection(CohortCaseDocument.class);
    }
}
