package pl.sciezka.query.readaudit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.audit.FindReads;
import pl.sciezka.api.audit.ReadPage;
import pl.sciezka.query.dispatch.QueryDispatcher;

@RestController
class ReadAuditController {

    private final QueryDispatcher queries;

    ReadAuditController(QueryDispatcher queries) {
        this.queries = queries;
    }

    @GetMapping("/api/audit/reads")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ReadPage reads(@RequestParam(required = false) String caseId,
                   @RequestParam(required = false) String actor,
                   @RequestParam(required = false) Instant from,
                   @RequestParam(required = false) Instant to,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                   Actor viewer) {
        return queries.ask(new FindReads(viewer, caseId, actor, from, to, page, size), ReadPage.class);
    }
}
