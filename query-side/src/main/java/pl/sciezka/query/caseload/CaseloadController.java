package pl.sciezka.query.caseload;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.caseload.Caseload;
import pl.sciezka.api.caseload.FindCaseload;
import pl.sciezka.query.dispatch.QueryDispatcher;

@RestController
class CaseloadController {

    private final QueryDispatcher queries;

    CaseloadController(QueryDispatcher queries) {
        this.queries = queries;
    }

    @GetMapping("/api/caseload")
    Caseload caseload(@RequestParam(required = false) String coordinatorId, Actor actor) {
        return queries.ask(new FindCaseload(actor, coordinatorId), Caseload.class);
    }
}
