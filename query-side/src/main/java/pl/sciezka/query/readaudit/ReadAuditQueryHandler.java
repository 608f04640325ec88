package pl.sciezka.query.readaudit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    private final MongoTemplate mongo;

    ReadAuditQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
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
        Criteria criteria = Criteria.where("at").gte(from).lte(to);
        if (query.caseId() != null) {
            criteria = criteria.and("caseId").is(query.caseId());
        }
        if (query.actor() != null) {
            criteria = criteria.and("actor").is(query.actor());
        }
        long total = mongo.count(Query.query(criteria), ReadRecord.class);
        List<ReadRecord> page = mongo.find(Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size()), ReadRecord.class);
        return new ReadPage(page.stream().map(ReadRecord::toEntry).toList(), query.page(), query.size(), total);
    }
}
