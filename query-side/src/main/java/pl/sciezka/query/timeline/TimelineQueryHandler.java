package pl.sciezka.query.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.audit.DecisionPage;
import pl.sciezka.api.audit.FindDecisions;
import pl.sciezka.api.audit.FindTimeline;
import pl.sciezka.api.audit.Timeline;
import pl.sciezka.api.audit.TimelineEntry;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/** Audit trails for coordinators (their own cases) and supervisors (all), decisions for supervisors. */
@Component
class TimelineQueryHandler {

    /** A supervisor's question without a period looks at the last quarter. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
    /** Bounds the number of day parts one question reads. */
    private static final long MAX_DAYS = 3 * 366;
    private static final int DAYS_PER_QUERY = 31;

    private final MongoTemplate mongo;

    TimelineQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    Optional<Timeline> handle(FindTimeline query) {
        Actor viewer = query.viewer();
        if (!viewer.is(Role.CASEWORKER) && !viewer.is(Role.SUPERVISOR)) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The " + viewer.role().labelEn() + " role may not read audit trails.");
        }
        return Optional.ofNullable(mongo.findById(query.caseId(), TimelineDocument.class))
                .filter(timeline -> viewer.is(Role.SUPERVISOR) || viewer.userId().equals(timeline.coordinatorId))
                .map(timeline -> new Timeline(timeline.caseId, timeline.entries));
    }

    @QueryHandler
    DecisionPage handle(FindDecisions query) {
        if (!query.viewer().is(Role.SUPERVISOR)) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "Only supervisors audit decisions across cases.");
        }
        Instant to = query.to() == null ? Instant.now() : query.to();
        Instant from = query.from() == null ? to.minus(DEFAULT_PERIOD) : query.from();
        if (from.isAfter(to)) {
            throw RejectedException.invalidField("from", "is after to");
        }
        List<TimelineEntry> matching = partsBetween(from, to).stream()
                .flatMap(parts -> mongo.find(Query.query(Criteria.where("_id").in(parts)), DecisionDayPart.class).stream())
                .flatMap(part -> part.decisions().values().stream())
                .filter(entry -> !entry.occurredAt().isBefore(from) && !entry.occurredAt().isAfter(to))
                .filter(entry -> query.actor() == null || query.actor().equals(entry.actor()))
                .filter(entry -> query.type() == null || query.type().equals(entry.type()))
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed().thenComparing(TimelineEntry::eventId))
                .toList();
        int first = Math.min(query.page() * query.size(), matching.size());
        int last = Math.min(first + query.size(), matching.size());
        return new DecisionPage(matching.subList(first, last), query.page(), query.size(), matching.size());
    }

    /** The ids of the period's day parts, a month's at a time, so that no query names thousands of ids. */
    private static List<List<String>> partsBetween(Instant from, Instant to) {
        LocalDate first = from.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.atOffset(ZoneOffset.UTC).toLocalDate();
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw RejectedException.invalidField("from", "a period is at most " + MAX_DAYS + " days");
        }
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<List<String>> months = new ArrayList<>();
        for (int start = 0; start < days.size(); start += DAYS_PER_QUERY) {
            months.add(days.subList(start, Math.min(days.size(), start + DAYS_PER_QUERY)).stream()
                    .flatMap(day -> DecisionDayPart.idsOf(day).stream()).toList());
        }
        return months;
    }
}
