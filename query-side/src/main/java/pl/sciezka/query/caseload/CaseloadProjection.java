package pl.sciezka.query.caseload;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
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
import pl.sciezka.api.caseload.CaseloadEntry;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.ProblemArea;

/**
 * Keeps each coordinator's caseload. A case's line is written with {@code $set} on its own key, so
 * segments that handle different cases of one coordinator never overwrite each other; an event the
 * line has already seen (by sequence number) is skipped.
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
    void on(FamilyCaseOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        mongo.save(new CaseCoordinator(event.caseId(), event.coordinatorId()));
        CaseloadEntry entry = new CaseloadEntry(event.caseId(), event.familyName(), event.district(),
                event.coordinatorId(), CaseStatus.OPENED, Set.of(), at, at);
        write(event.coordinatorId(), new CaseloadLine(entry, sequence));
    }

    @EventHandler
    void on(DiagnosisRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String coordinatorId = coordinatorOf(event.caseId());
        line(coordinatorId, event.caseId())
                .filter(line -> line.version() < sequence)
                .ifPresent(line -> {
                    CaseloadEntry before = line.entry();
                    Set<ProblemArea> areas = EnumSet.noneOf(ProblemArea.class);
                    areas.addAll(before.problemAreas());
                    event.problems().stream().map(DiagnosedProblem::area).forEach(areas::add);
                    CaseloadEntry after = new CaseloadEntry(before.caseId(), before.familyName(), before.district(),
                            before.coordinatorId(), CaseStatus.DIAGNOSED, areas, before.openedAt(), at);
                    write(coordinatorId, new CaseloadLine(after, sequence));
                });
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

    private Optional<CaseloadLine> line(String coordinatorId, String caseId) {
        CaseloadDocument caseload = mongo.findById(coordinatorId, CaseloadDocument.class);
        return Optional.ofNullable(caseload).map(document -> document.cases().get(caseId));
    }

    private void write(String coordinatorId, CaseloadLine line) {
        mongo.upsert(Query.query(Criteria.where("_id").is(coordinatorId)),
                new Update().set("cases." + line.entry().caseId(), line), CaseloadDocument.class);
    }
}
