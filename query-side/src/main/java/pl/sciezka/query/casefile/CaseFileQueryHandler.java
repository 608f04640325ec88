package pl.sciezka.query.casefile;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
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

    private final CaseFileRepository files;

    CaseFileQueryHandler(CaseFileRepository files) {
        this.files = files;
    }

    @QueryHandler
    Optional<CaseFile> handle(FindCaseFile query) {
        Actor viewer = query.viewer();
        requireReadingRole(viewer);
        return files.findById(query.caseId())
                .map(CaseFileDocument::toView)
                .filter(file -> isReaderOf(viewer, file.coordinatorId()));
    }

    /** Refuses (403) a role that may read no case file, whoever holds it. */
    static void requireReadingRole(Actor viewer) {
        if (!(viewer.is(Role.CASEWORKER) || viewer.is(Role.SPECIALIST) || viewer.is(Role.SUPERVISOR))) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The " + viewer.role().labelEn() + " role may not read case files.");
        }
    }

    /** Whether the viewer may read a case its coordinator holds: a caseworker only their own cases. */
    static boolean isReaderOf(Actor viewer, String coordinatorId) {
        return !viewer.is(Role.CASEWORKER) || viewer.userId().equals(coordinatorId);
    }
}
