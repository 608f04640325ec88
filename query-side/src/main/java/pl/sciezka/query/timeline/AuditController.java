package pl.sciezka.query.timeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.audit.DecisionPage;
import pl.sciezka.api.audit.FindDecisions;
import pl.sciezka.api.audit.FindTimeline;
import pl.sciezka.api.audit.Timeline;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.dispatch.QueryDispatcher;

@RestController
class AuditController {

    private final QueryDispatcher queries;

    AuditController(QueryDispatcher queries) {
        this.queries = queries;
    }

    @GetMapping("/api/cases/{caseId}/timeline")
    Timeline timeline(@PathVariable String caseId, Actor actor) {
        return queries.askOptional(new FindTimeline(caseId, actor), Timeline.class)
                .orElseThrow(() -> RejectedException.of(ProblemType.NOT_FOUND, "No case with id " + caseId + "."));
    }

    @GetMapping("/api/audit/decisions")
    DecisionPage decisions(@RequestParam(required = false) String actor,
                           @RequestParam(required = false) String type,
                           @RequestParam(required = false) Instant from,
                           @RequestParam(required = false) Instant to,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                           Actor viewer) {
        return queries.ask(new FindDecisions(viewer, actor, type, from, to, page, size), DecisionPage.class);
    }
}
