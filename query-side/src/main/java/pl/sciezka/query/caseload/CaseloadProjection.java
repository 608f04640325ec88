package pl.sciezka.query.caseload;

import java.time.Instant;
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
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;

/**
 * Keeps each coordinator's caseload: one document per coordinator, one line per case under its own
 * key, read alone (a field projection) and written with {@code $set}/{@code $unset} so segments handling
 * different cases of one coordinator never overwrite each other. An event the line has already seen (by
 * sequence number) is skipped; a reassignment moves the line to the new coordinator's document.
 * <p>
 * A case that has left the caseload ({@link CaseloadEntries#hasLeft}) moves its line to its
 * {@link CaseCoordinator} document, read for every event anyway, and comes back with the event that
 * makes it show again (a reopening). Every move writes the line's new place before it leaves the old
 * one, and the pointer in between, so a crash leaves the line in two places at worst; a redelivered
 * event then removes it from the place it left ({@link #settle}).
 */
@Component
@ProcessingGroup(CaseloadProjection.NAME)
class CaseloadProjection {

    static final String NAME = "caseload";

    private final MongoTemplate mongo;

    CaseloadProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String caseId = event.caseId();
        CaseCoordinator where = mongo.findById(caseId, CaseCoordinator.class);
        String coordinatorId;
        if (where != null) {
            coordinatorId = where.coordinatorId();
        } else if (event instanceof FamilyCaseOpened opened) {
            coordinatorId = opened.coordinatorId();
        } else {
            throw new IllegalStateException("case " + caseId + " has an event before it was opened");
        }
        CaseloadLine line = where != null && where.isArchived() ? where.archived() : lineIn(coordinatorId, caseId);
        if (line.version >= sequence) {
            settle(event, where, line);
            return;
        }
        CaseloadEvents.apply(line, event, at);
        line.version = sequence;
        place(caseId, line, coordinatorId, where);
    }

    /** Writes the line where it now belongs, then points the case there, then takes it out of where it was. */
    private void place(String caseId, CaseloadLine line, String from, CaseCoordinator where) {
        String to = line.coordinatorId;
        boolean wasShown = where == null || !where.isArchived();
        if (CaseloadEntries.hasLeft(line)) {
            mongo.save(new CaseCoordinator(caseId, to, line));
            if (wasShown) {
                unset(from, caseId);
            }
            return;
        }
        mongo.upsert(byId(to), new Update().set(lineKey(caseId), line), CaseloadDocument.class);
        if (!wasShown || where == null || !to.equals(where.coordinatorId())) {
            mongo.save(CaseCoordinator.active(caseId, to));
        }
        if (wasShown && !to.equals(from)) {
            unset(from, caseId);
        }
    }

    /**
     * A redelivered event whose writes a crash may have cut short: the line is in its new place already,
     * so only the pointer and the removal from the old place can be missing. Redeliveries are rare, so the
     * removal after a reassignment may look through every caseload for the line.
     */
    private void settle(FamilyCaseEvent event, CaseCoordinator where, CaseloadLine line) {
        if (where == null) {
            mongo.save(CaseCoordinator.active(event.caseId(), line.coordinatorId));
        } else if (where.isArchived()) {
            unset(where.coordinatorId(), event.caseId());
        }
        if (event instanceof CoordinatorReassigned) {
            Criteria elsewhere = Criteria.where(lineKey(event.caseId())).exists(true);
            if (where != null && !where.isArchived()) {
                elsewhere = elsewhere.and("_id").ne(where.coordinatorId());
            }
            mongo.updateMulti(Query.query(elsewhere), new Update().unset(lineKey(event.caseId())), CaseloadDocument.class);
        }
    }

    /** The case's line alone, not the coordinator's whole caseload; a new line if there is none. */
    private CaseloadLine lineIn(String coordinatorId, String caseId) {
        Query query = byId(coordinatorId);
        query.fields().include(lineKey(caseId));
        CaseloadDocument caseload = mongo.findOne(query, CaseloadDocument.class);
        CaseloadLine line = caseload == null ? null : caseload.cases().get(caseId);
        return line == null ? new CaseloadLine() : line;
    }

    private void unset(String coordinatorId, String caseId) {
        mongo.updateFirst(byId(coordinatorId), new Update().unset(lineKey(caseId)), CaseloadDocument.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String lineKey(String caseId) {
        return "cases." + caseId;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseloadDocument.COLLECTION);
        mongo.dropCollection(CaseCoordinator.COLLECTION);
    }
}
