package pl.sciezka.query.readaudit;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Role;
import pl.sciezka.api.audit.FindReads;
import pl.sciezka.api.audit.ReadPage;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/** Supervisors audit who read which case's data; newest first, paged. */
@Component
class ReadAuditQueryHandler {

    /** A question without a period looks at the last quarter, as for decisions. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final ReadAudit audit;

    ReadAuditQueryHandler(ReadAudit audit) {
        this.audit = audit;
    }

    @QueryHandler
    ReadPage handle(FindReads query) {
        if (!query.viewer().is(Role.SUPERVISOR)) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "Only supervisors audit who read case files.");
        }
        Instant to = query.to() == null ? Instant.now() : query.to();
        Instant from = query.from() == null ? to.minus(DEFAULT_PERIOD) : query.from();
        if (from.isAfter(to)) {
            throw RejectedException.invalidField("from", "is after to");
        }
        ReadRecords.Page page = audit.page(from, to, query.caseId(), query.actor(), query.page(), query.size());
        return new ReadPage(page.reads().stream().map(ReadRecord::toEntry).toList(), query.page(), query.size(),
                page.total());
    }
}
