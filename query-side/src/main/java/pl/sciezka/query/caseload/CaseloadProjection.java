package pl.sciezka.query.caseload;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.query.projection.EndOfBatch;
import pl.sciezka.query.projection.MapEntryWrites;

/**
 * Keeps each coordinator's caseload: one document per coordinator, one line per case under its own
 * key, read alone (a field projection) and written with {@code $set}/{@code $unset} so segments handling
 * different cases of one coordinator never overwrite each other. An event the line has already seen (by
 * sequence number) is skipped; a reassignment moves the line to the new coordinator's document.
 * <p>
 * A case that has left the caseload ({@link CaseloadEntries#hasLeft}) moves its line to its
 * {@link CaseCoordinator} document, read for every case anyway, and comes back with the event that
 * makes it show again (a reopening). Every move writes the line's new place before it leaves the old
 * one, and the pointer in between, so a crash leaves the line in two places at worst.
 * <p>
 * A processor's batch is folded in memory and written at its end ({@link CaseloadBatch}): each case is
 * read once, and each caseload written once, whatever the number of events. Outside a batch (a direct
 * call) each event is written at once.
 */
@Component
@ProcessingGroup(CaseloadProjection.NAME)
class CaseloadProjection {

    static final String NAME = "caseload";

    private final MongoTemplate mongo;
    private final MapEntryWrites lines;

    CaseloadProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.lines = new MapEntryWrites(mongo.getConverter());
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        CaseloadBatch batch = EndOfBatch.held(CaseloadBatch.class, () -> new CaseloadBatch(mongo, lines));
        if (batch != null) {
            batch.fold(event, sequence, at);
            return;
        }
        CaseloadBatch alone = new CaseloadBatch(mongo, lines);
        alone.fold(event, sequence, at);
        alone.flush();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseloadDocument.COLLECTION);
        mongo.dropCollection(CaseCoordinator.COLLECTION);
    }
}
