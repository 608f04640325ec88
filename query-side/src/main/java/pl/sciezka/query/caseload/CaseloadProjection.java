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
 * key, written with {@code $set} so segments handling different cases of one coordinator never
 * overwrite each other. An event the line has already seen (by sequence number) is skipped; a
 * reassignment moves the line to the new coordinator's document.
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
        String coordinatorId = event instanceof FamilyCaseOpened opened ? opened.coordinatorId() : coordinatorOf(event.caseId());
        CaseloadDocument caseload = mongo.findById(coordinatorId, CaseloadDocument.class);
        CaseloadLine line = caseload == null ? null : caseload.cases().get(event.caseId());
        if (line == null) {
            line = new CaseloadLine();
        }
        if (line.version >= sequence) {
            return;
        }
        CaseloadEvents.apply(line, event, at);
        line.version = sequence;
        if (event instanceof FamilyCaseOpened opened) {
            mongo.save(new CaseCoordinator(opened.caseId(), opened.coordinatorId()));
        } else if (event instanceof CoordinatorReassigned reassigned) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(coordinatorId)),
                    new Update().unset("cases." + event.caseId()), CaseloadDocument.class);
            mongo.save(new CaseCoordinator(event.caseId(), reassigned.coordinatorId()));
            coordinatorId = reassigned.coordinatorId();
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(coordinatorId)),
                new Update().set("cases." + event.caseId(), line), CaseloadDocument.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseloadDocument.COLLECTION);
        mongo.dropCollection(CaseCoordinator.COLLECTION);
    }

    private String coordinatorOf(String caseId) {
        CaseCoordinator coordinator = mongo.findById(caseId, CaseCoordinator.class);
        if (coordinator == null) {
            throw new IllegalStateException("case " + caseId + " has an event before it was opened");
        }
        return coordinator.coordinatorId();
    }
}
