package pl.sciezka.query.casefile;

import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.FindCaseFile;
import pl.sciezka.api.casefile.FindCaseFileAsOf;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.dispatch.QueryDispatcher;

@RestController
class CaseFileController {

    private final QueryDispatcher queries;

    CaseFileController(QueryDispatcher queries) {
        this.queries = queries;
    }

    /** A case the caller may not see answers 404, exactly like one that does not exist. */
    @GetMapping("/api/cases/{caseId}")
    ResponseEntity<CaseFile> caseFile(@PathVariable String caseId, @RequestParam(required = false) Instant asOf,
                                      Actor actor) {
        Object query = asOf == null ? new FindCaseFile(caseId, actor) : new FindCaseFileAsOf(caseId, asOf, actor);
        CaseFile file = queries.askOptional(query, CaseFile.class)
                .orElseThrow(() -> RejectedException.of(ProblemType.NOT_FOUND, asOf == null
                        ? "No case with id " + caseId + "." : "No case with id " + caseId + " as of " + asOf + "."));
        return ResponseEntity.ok().eTag(Long.toString(file.version())).body(file);
    }
}
