package pl.sciezka.query.casefile;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.FindCaseFile;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/** Answers a case file to those who may read it: its coordinator, the specialist team, supervisors. */
@Component
class CaseFileQueryHandler {

    private static final String COORDINATOR = "coordinatorId";

    private final CaseFileRepository files;
    private final MongoTemplate mongo;

    CaseFileQueryHandler(CaseFileRepository files, MongoTemplate mongo) {
        this.files = files;
        this.mongo = mongo;
    }

    @QueryHandler
    Optional<CaseFile> handle(FindCaseFile query) {
        Actor viewer = query.viewer();
        requireReadingRole(viewer);
        return files.findById(query.caseId())
                .map(CaseFileDocument::toView)
                .filter(file -> isReaderOf(viewer, file.coordinatorId()));
    }

    /**
     * The same rule as {@link #handle} without loading the file: only its coordinator is fetched, which
     * for a long case is a few bytes instead of its whole history. The rule is the live one on purpose:
     * reading a case, its past included, is a right of whoever holds the case now, so after a
     * reassignment the new coordinator reads the whole history and the former one nothing.
     *
     * @return false when there is no such case or the viewer may not read it (both answered as 404)
     */
    boolean mayRead(String caseId, Actor viewer) {
        requireReadingRole(viewer);
        Query coordinatorOnly = Query.query(Criteria.where("_id").is(caseId));
        coordinatorOnly.fields().include(COORDINATOR);
        Document file = mongo.findOne(coordinatorOnly, Document.class, mongo.getCollectionName(CaseFileDocument.class));
        return file != null && isReaderOf(viewer, file.getString(COORDINATOR));
    }

    private static void requireReadingRole(Actor viewer) {
        if (!(viewer.is(Role.CASEWORKER) || viewer.is(Role.SPECIALIST) || viewer.is(Role.SUPERVISOR))) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The " + viewer.role().labelEn() + " role may not read case files.");
        }
    }

    private static boolean isReaderOf(Actor viewer, String coordinatorId) {
        return !viewer.is(Role.CASEWORKER) || viewer.userId().equals(coordinatorId);
    }
}
