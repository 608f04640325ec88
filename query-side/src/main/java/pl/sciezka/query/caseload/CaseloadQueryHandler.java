package pl.sciezka.query.caseload;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.caseload.Caseload;
import pl.sciezka.api.caseload.CaseloadEntry;
import pl.sciezka.api.caseload.FindCaseload;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/**
 * A caseworker gets their own caseload whatever they ask for; the specialist team and supervisors
 * get one coordinator's, or every coordinator's.
 */
@Component
class CaseloadQueryHandler {

    private static final Comparator<CaseloadEntry> LATEST_ACTIVITY_FIRST =
            Comparator.comparing(CaseloadEntry::lastActivityAt).reversed().thenComparing(CaseloadEntry::caseId);

    private final MongoTemplate mongo;

    CaseloadQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    Caseload handle(FindCaseload query) {
        Actor viewer = query.viewer();
        Stream<CaseloadDocument> caseloads;
        if (viewer.is(Role.CASEWORKER)) {
            caseloads = one(viewer.userId());
        } else if (viewer.is(Role.SUPERVISOR) || viewer.is(Role.SPECIALIST)) {
            caseloads = query.coordinatorId() == null
                    ? mongo.findAll(CaseloadDocument.class).stream()
                    : one(query.coordinatorId());
        } else {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The " + viewer.role().labelEn() + " role has no caseload.");
        }
        List<CaseloadEntry> cases = caseloads
                .flatMap(caseload -> caseload.cases().values().stream())
                .map(CaseloadLine::entry)
                .filter(entry -> entry.status() != CaseStatus.CLOSED)
                .sorted(LATEST_ACTIVITY_FIRST)
                .toList();
        return new Caseload(cases);
    }

    private Stream<CaseloadDocument> one(String coordinatorId) {
        return Stream.ofNullable(mongo.findById(coordinatorId, CaseloadDocument.class));
    }
}
