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
import pl.sciezka.api.familycase.CaseReopened;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.ClosureApproved;
import pl.sciezka.api.familycase.ClosureRejected;
import pl.sciezka.api.familycase.ClosureRequested;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.SupportPlanAgreed;

/**
 * Keeps each coordinator's caseload. A case's line is written with {@code $set} on its own key, so
 * segments that handle different cases of one coordinator never overwrite each other; an event the
 * line has already seen (by sequence number) is skipped. Closed cases stay in the document (a
 * reopening brings them back) and are left out when read.
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
        if (event instanceof FamilyCaseOpened opened) {
            mongo.save(new CaseCoordinator(opened.caseId(), opened.coordinatorId()));
            write(opened.coordinatorId(), new CaseloadLine(new CaseloadEntry(opened.caseId(), opened.familyName(),
                    opened.district(), opened.coordinatorId(), CaseStatus.OPENED, Set.of(), at, at), sequence, null));
            return;
        }
        String coordinatorId = coordinatorOf(event.caseId());
        Optional<CaseloadLine> seen = line(coordinatorId, event.caseId()).filter(line -> line.version() < sequence);
        if (seen.isEmpty()) {
            return;
        }
        CaseloadLine next = evolve(seen.get(), event, sequence, at);
        if (event instanceof CoordinatorReassigned reassigned) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(coordinatorId)),
                    new Update().unset("cases." + event.caseId()), CaseloadDocument.class);
            mongo.save(new CaseCoordinator(event.caseId(), reassigned.coordinatorId()));
            coordinatorId = reassigned.coordinatorId();
        }
        write(coordinatorId, next);
    }

    private static CaseloadLine evolve(CaseloadLine line, FamilyCaseEvent event, long sequence, Instant at) {
        CaseloadEntry entry = line.entry();
        CaseStatus status = entry.status();
        CaseStatus beforeClosure = line.statusBeforeClosureRequest();
        Set<ProblemArea> areas = EnumSet.noneOf(ProblemArea.class);
        areas.addAll(entry.problemAreas());
        String coordinatorId = entry.coordinatorId();
        if (event instanceof DiagnosisRecorded diagnosis) {
            diagnosis.problems().stream().map(DiagnosedProblem::area).forEach(areas::add);
            status = advance(status, CaseStatus.DIAGNOSED);
        } else if (event instanceof SupportPlanAgreed) {
            status = advance(status, CaseStatus.IN_SUPPORT);
        } else if (event instanceof ClosureRequested) {
            beforeClosure = status;
            status = CaseStatus.CLOSURE_REQUESTED;
        } else if (event instanceof ClosureApproved) {
            status = CaseStatus.CLOSED;
        } else if (event instanceof ClosureRejected) {
            status = beforeClosure;
        } else if (event instanceof CaseReopened) {
            status = CaseStatus.REOPENED;
        } else if (event instanceof CoordinatorReassigned reassigned) {
            coordinatorId = reassigned.coordinatorId();
        }
        return new CaseloadLine(new CaseloadEntry(entry.caseId(), entry.familyName(), entry.district(), coordinatorId,
                status, areas, entry.openedAt(), at), sequence, beforeClosure);
    }

    private static CaseStatus advance(CaseStatus status, CaseStatus next) {
        return status.ordinal() < next.ordinal() || status == CaseStatus.REOPENED ? next : status;
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
