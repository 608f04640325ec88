package pl.sciezka.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.audit.DecisionPage;
import pl.sciezka.api.audit.FindDecisions;
import pl.sciezka.api.audit.TimelineEntry;
import pl.sciezka.query.TestMongoDatabase;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ProjectionHarness;
import pl.sciezka.query.projection.ReadModelWriter;

/** A day's decisions are spread over parts by case, and a supervisor's period still reads each decision once. */
class DecisionDayPartsTest {

    private static final Actor SUPERVISOR = new Actor("celina", Role.SUPERVISOR);

    @Test
    void aDaysDecisionsLieInTheirCasesPartsAndAPeriodOfSeveralQueriesReadsEachOnceNewestFirst() {
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            MongoTemplate mongo = database.template();
            try (ProjectionHarness harness = new ProjectionHarness(TimelineProjection.NAME, 100,
                    new TimelineProjection(new ReadModelWriter(mongo), mongo))) {
                FamilyHistory.of(40).forEach(harness::store);
                harness.start();
                harness.awaitCaughtUp(Duration.ofSeconds(60));
            }

            List<DecisionDayPart> parts = mongo.findAll(DecisionDayPart.class);
            parts.forEach(part -> assertThat(part.decisions().values())
                    .allSatisfy(decision -> assertThat(DecisionDayPart.idOf(dayOf(decision), decision.caseId()))
                            .isEqualTo(part.id())));
            Map<LocalDate, Long> partsPerDay = parts.stream().collect(Collectors.groupingBy(
                    part -> LocalDate.parse(part.id().substring(0, part.id().indexOf('/'))), Collectors.counting()));
            assertThat(partsPerDay.values()).as("parts of a day").anySatisfy(count -> assertThat(count).isGreaterThan(1));

            List<TimelineEntry> decisions = mongo.findAll(TimelineDocument.class).stream()
                    .flatMap(timeline -> timeline.entries.stream()).filter(TimelineEntry::decision)
                    .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed().thenComparing(TimelineEntry::eventId))
                    .toList();
            assertThat(decisions).hasSizeGreaterThan(40);
            // a period reaching two months before the first decision is read a month of days at a time
            Instant from = decisions.get(decisions.size() - 1).occurredAt().minus(Duration.ofDays(60));
            Instant to = decisions.get(0).occurredAt();
            DecisionPage page = new TimelineQueryHandler(mongo)
                    .handle(new FindDecisions(SUPERVISOR, null, null, from, to, 0, 1000));
            assertThat(page.decisions()).extracting(TimelineEntry::eventId)
                    .containsExactlyElementsOf(decisions.stream().map(TimelineEntry::eventId).toList());
            assertThat(page.total()).isEqualTo(decisions.size());
        }
    }

    /** A reset drops the whole days' documents an older version left, and resets again where there are none. */
    @Test
    void aResetDropsTheWholeDaysOfOlderVersions() {
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            MongoTemplate mongo = database.template();
            mongo.insert(new org.bson.Document("_id", "2026-12-05").append("decisions", new org.bson.Document()),
                    DecisionDayPart.WHOLE_DAYS_COLLECTION);
            TimelineProjection timeline = new TimelineProjection(new ReadModelWriter(mongo), mongo);

            timeline.reset();
            boolean droppedFirst = !mongo.collectionExists(DecisionDayPart.WHOLE_DAYS_COLLECTION);
            timeline.reset();

            assertThat(droppedFirst).isTrue();
            assertThat(mongo.collectionExists(DecisionDayPart.WHOLE_DAYS_COLLECTION)).isFalse();
        }
    }

    private static LocalDate dayOf(TimelineEntry decision) {
        return decision.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
