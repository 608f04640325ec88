package pl.sciezka.query.outcomes;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.query.projection.EndOfBatch;
import pl.sciezka.query.projection.EndOfPass;

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
 * A processor's batch is folded in memory and written at its end ({@link CohortCellsBatch}): a case
 * whose events of the batch change its cells costs four bulk writes shared with every other case of
 * the batch, whatever the number of its events. Outside a batch (a direct call) each event is written
 * at once. Events that cannot change the facts ({@link OutcomeFacts#matters}) are skipped before
 * MongoDB is touched, so the facts' version is the sequence of the last event that mattered. The version
 * check stays sound: a redelivered event that matters has a sequence at most that version, one that
 * does not is skipped again. A rebuild's pass adds to the cells once, at its end ({@link CohortCellsOfThePass}).
 */
@Component
@ProcessingGroup(CohortCellsProjection.NAME)
class CohortCellsProjection {

    static final String NAME = "cohort-cells";

    private final MongoTemplate mongo;
    private final CohortCellStore cells;
    private final int casesPerWrite;

    @Autowired
    CohortCellsProjection(MongoTemplate mongo, CohortCellStore cells) {
        this(mongo, cells, CohortCellsBatch.CASES_PER_WRITE);
    }

    /** With fewer cases per group, for tests that need several groups in a batch of a few cases. */
    CohortCellsProjection(MongoTemplate mongo, CohortCellStore cells, int casesPerWrite) {
        this.mongo = mongo;
        this.cells = cells;
        this.casesPerWrite = casesPerWrite;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!OutcomeFacts.matters(event)) {
            return;
        }
        CohortCellsBatch batch = EndOfBatch.held(CohortCellsBatch.class, () -> new CohortCellsBatch(mongo, cells,
                casesPerWrite, EndOfPass.held(CohortCellsOfThePass.class, () -> new CohortCellsOfThePass(cells))));
        if (batch != null) {
            batch.fold(event, sequence, at);
            return;
        }
        CohortCellsBatch alone = new CohortCellsBatch(mongo, cells, casesPerWrite, null);
        alone.fold(event, sequence, at);
        alone.flush();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CohortCellDocument.class);
        mongo.dropCollection(CohortCaseDocument.class);
    }
}
