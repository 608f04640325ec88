package pl.sciezka.query.caseload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.caseload.Caseload;
import pl.sciezka.api.caseload.CaseloadEntry;
import pl.sciezka.api.caseload.FindCaseload;
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
    private static final ZoneId CENTRE_ZONE = ZoneId.of("Europe/Warsaw");

    private final MongoTemplate mongo;
    private final CaseloadEntries.Thresholds thresholds;
    private final Clock clock = Clock.systemUTC();

    CaseloadQueryHandler(MongoTemplate mongo,
                         @Value("${sciezka.caseload.unanswered-referral-after:P14D}") Duration unanswered,
                         @Value("${sciezka.caseload.undelivered-referral-after:P30D}") Duration undelivered) {
        this.mongo = mongo;
        this.thresholds = new CaseloadEntries.Thresholds(unanswered, undelivered);
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
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CENTRE_ZONE);
        List<CaseloadEntry> cases = caseloads
                .flatMap(caseload -> caseload.cases().values().stream())
                .flatMap(line -> CaseloadEntries.entry(line, now, today, thresholds).stream())
                .sorted(LATEST_ACTIVITY_FIRST)
                .toList();
        return new Caseload(cases);
    }

    private Stream<CaseloadDocument> one(String coordinatorId) {
        return Stream.ofNullable(mongo.findById(coordinatorId, CaseloadDocument.class));
    }
}
