package pl.sciezka.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.caseload.CaseloadEntry;
import pl.sciezka.api.caseload.FindCaseload;
import pl.sciezka.api.familycase.CaseReopened;
import pl.sciezka.api.familycase.ClosureApproved;
import pl.sciezka.api.familycase.ClosureReason;
import pl.sciezka.api.familycase.ClosureRequested;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.HouseholdIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.query.CollectionWrites;
import pl.sciezka.query.TestMongoDatabase;

/**
 * The caseload projection against a real MongoDB wire server: closed cases with nothing left to measure
 * leave the coordinator's document and come back when reopened, while every caseload answer stays what
 * the events say (the lines folded in memory, as the whole history once sat in the document). Every event
 * is delivered twice, and a crash after any write followed by the same event again changes nothing.
 */
class CaseloadProjectionTest {

    private static final Instant START = Instant.parse("2025-01-02T10:00:00Z");
    private static final LocalDate CLOSED_ON = LocalDate.parse("2025-02-01");
    private static final Actor SUPERVISOR = new Actor("celina", Role.SUPERVISOR);

    private TestMongoDatabase database;
    private MongoTemplate mongo;
    private final Map<String, Long> sequences = new LinkedHashMap<>();
    private final Map<String, CaseloadLine> expected = new LinkedHashMap<>();
    private int seconds;

    @BeforeEach
    void startMongo() {
        database = new TestMongoDatabase();
        mongo = database.template();
    }

    @AfterEach
    void stopMongo() {
        database.close();
    }

    @Test
    void closedHistoryLeavesTheCoordinatorsDocumentAndTheAnswersStayTheSame() {
        CaseloadProjection projection = new CaseloadProjection(mongo);
        for (int i = 0; i < 12; i++) {
            closedAndFollowedUp("done-" + i, "anna", projection, projection);
        }
        open("open", "anna", projection, projection);
        closed("due-24m", "anna", projection, projection);
        measure("due-24m", 1, Horizon.FOLLOW_UP_6M, projection, projection);
        measure("due-24m", 1, Horizon.FOLLOW_UP_12M, projection, projection);
        open("barteks", "bartek", projection, projection);

        assertThat(linesOf("anna")).containsOnlyKeys("open", "due-24m");
        assertThat(mongo.findById("done-0", CaseCoordinator.class).isArchived()).isTrue();
        assertAnswersAreTheEvents();
        assertThat(answer(new Actor("anna", Role.CASEWORKER)).stream().filter(entry -> entry.caseId().equals("due-24m")))
                .singleElement().satisfies(entry -> assertThat(entry.followUps()).extracting(CaseloadEntry.FollowUp::horizon)
                        .containsExactly(Horizon.FOLLOW_UP_24M));
    }

    @Test
    void aClosedCaseComesBackWhenReopenedEvenAfterLateEventsAndAReassignment() {
        CaseloadProjection projection = new CaseloadProjection(mongo);
        closedAndFollowedUp("kase", "anna", projection, projection);
        open("other", "anna", projection, projection);
        assertThat(linesOf("anna")).containsOnlyKeys("other");

        // a late correction and a reassignment of a case that has left: it stays out of every caseload
        deliver(new OutcomeMeasured("kase", "late", 1, Horizon.FOLLOW_UP_24M, CLOSED_ON.plusMonths(25),
                household(), List.of(), "kase-" + Horizon.FOLLOW_UP_24M), projection, projection);
        deliver(new CoordinatorReassigned("kase", "anna", "bartek", "leave"), projection, projection);
        assertThat(linesOf("anna")).containsOnlyKeys("other");
        assertThat(mongo.findById("bartek", CaseloadDocument.class)).isNull();
        assertAnswersAreTheEvents();

        deliver(new CaseReopened("kase", "relapse", 2), projection, projection);
        assertThat(linesOf("bartek")).containsOnlyKeys("kase");
        assertThat(mongo.findById("kase", CaseCoordinator.class)).isEqualTo(CaseCoordinator.active("kase", "bartek"));
        assertAnswersAreTheEvents();

        // closed again: shown while the new episode's follow-ups are due, gone once they are measured
        deliver(new ClosureRequested("kase", ClosureReason.GOALS_ACHIEVED, "done", null), projection, projection);
        deliver(new ClosureApproved("kase", "ok", CLOSED_ON.plusYears(1)), projection, projection);
        assertThat(linesOf("bartek")).containsOnlyKeys("kase");
        assertAnswersAreTheEvents();
        for (Horizon horizon : List.of(Horizon.FOLLOW_UP_6M, Horizon.FOLLOW_UP_12M, Horizon.FOLLOW_UP_24M)) {
            measure("kase", 2, horizon, projection, projection);
        }
        assertThat(linesOf("bartek")).isEmpty();
        assertAnswersAreTheEvents();
    }

    @Test
    void aCrashAfterAnyWriteIsRepairedWhenTheEventComesAgain() {
        CaseloadProjection crashing = new CaseloadProjection(new CrashingTemplate(mongo));
        CaseloadProjection projection = new CaseloadProjection(mongo);
        closedAndFollowedUp("kase", "anna", crashing, projection);
        open("other", "anna", crashing, projection);
        deliver(new CoordinatorReassigned("other", "anna", "bartek", "leave"), crashing, projection);
        deliver(new CoordinatorReassigned("kase", "anna", "bartek", "leave"), crashing, projection);
        deliver(new CaseReopened("kase", "relapse", 2), crashing, projection);
        deliver(new CoordinatorReassigned("kase", "bartek", "anna", "back"), crashing, projection);
        closedAndFollowedUp("second", "bartek", crashing, projection);

        assertThat(linesOf("anna")).containsOnlyKeys("kase");
        assertThat(linesOf("bartek")).containsOnlyKeys("other");
        for (String caseId : expected.keySet()) {
            CaseCoordinator where = mongo.findById(caseId, CaseCoordinator.class);
            assertThat(where.coordinatorId()).as(caseId).isEqualTo(expected.get(caseId).coordinatorId);
            assertThat(where.isArchived()).as(caseId).isEqualTo(CaseloadEntries.hasLeft(expected.get(caseId)));
        }
        assertAnswersAreTheEvents();
    }

    private void assertAnswersAreTheEvents() {
        assertThat(answer(SUPERVISOR)).as("everyone's").isEqualTo(reference(null));
        for (String coordinator : List.of("anna", "bartek")) {
            assertThat(answer(new Actor(coordinator, Role.CASEWORKER))).as(coordinator).isEqualTo(reference(coordinator));
        }
    }

    private List<CaseloadEntry> answer(Actor viewer) {
        CaseloadQueryHandler handler = new CaseloadQueryHandler(mongo, Duration.ofDays(14), Duration.ofDays(30));
        return handler.handle(new FindCaseload(viewer, null)).cases();
    }

    /** The answer from every line the events make, as when closed cases stayed in the document. */
    private List<CaseloadEntry> reference(String coordinator) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Warsaw"));
        return expected.values().stream()
                .filter(line -> coordinator == null || coordinator.equals(line.coordinatorId))
                .flatMap(line -> CaseloadEntries.entry(line, now, today,
                        new CaseloadEntries.Thresholds(Duration.ofDays(14), Duration.ofDays(30))).stream())
                .sorted(Comparator.comparing(CaseloadEntry::lastActivityAt).reversed().thenComparing(CaseloadEntry::caseId))
                .toList();
    }

    private Map<String, CaseloadLine> linesOf(String coordinator) {
        CaseloadDocument caseload = mongo.findById(coordinator, CaseloadDocument.class);
        return caseload == null ? Map.of() : caseload.cases();
    }

    private void closedAndFollowedUp(String caseId, String coordinator, CaseloadProjection first, CaseloadProjection again) {
        closed(caseId, coordinator, first, again);
        for (Horizon horizon : List.of(Horizon.FOLLOW_UP_6M, Horizon.FOLLOW_UP_12M, Horizon.FOLLOW_UP_24M)) {
            measure(caseId, 1, horizon, first, again);
        }
    }

    private void closed(String caseId, String coordinator, CaseloadProjection first, CaseloadProjection again) {
        open(caseId, coordinator, first, again);
        deliver(new ClosureRequested(caseId, ClosureReason.GOALS_ACHIEVED, "done", null), first, again);
        deliver(new ClosureApproved(caseId, "ok", CLOSED_ON), first, again);
    }

    private void open(String caseId, String coordinator, CaseloadProjection first, CaseloadProjection again) {
        deliver(new FamilyCaseOpened(caseId, "Nowak", "Wilchwy", coordinator), first, again);
    }

    private void measure(String caseId, int episode, Horizon horizon, CaseloadProjection first, CaseloadProjection again) {
        deliver(new OutcomeMeasured(caseId, caseId + "-" + horizon, episode, horizon, CLOSED_ON.plusMonths(7),
                household(), List.of(), null), first, again);
    }

    private static HouseholdIndicators household() {
        return new HouseholdIndicators(java.math.BigDecimal.TEN, false, 0, null);
    }

    /** Delivers the event to {@code first}, which may crash, and then again to {@code again}; folds it into the reference. */
    private void deliver(FamilyCaseEvent event, CaseloadProjection first, CaseloadProjection again) {
        long sequence = sequences.merge(event.caseId(), 1L, Long::sum) - 1;
        Instant at = START.plusSeconds(seconds++);
        try {
            first.on(event, sequence, at);
        } catch (Crash crash) {
            // the process died after a write; the event comes again
        }
        again.on(event, sequence, at);
        CaseloadEvents.apply(expected.computeIfAbsent(event.caseId(), id -> new CaseloadLine()), event, at);
    }

    private static final class Crash extends RuntimeException {
        Crash() {
            super("the process died here");
        }
    }

    /** Writes, then dies after every second write, as a process killed between two writes would. */
    private static final class CrashingTemplate extends MongoTemplate {

        private int writes;

        CrashingTemplate(MongoTemplate real) {
            super(real.getMongoDatabaseFactory(), real.getConverter());
        }

        @Override
        public <T> T save(T objectToSave) {
            T saved = super.save(objectToSave);
            maybeCrash();
            return saved;
        }

        /** The projection's writes on the driver's collections crash the same way. */
        @Override
        public MongoCollection<Document> getCollection(String collectionName) {
            return CollectionWrites.around(super.getCollection(collectionName), write -> {
                Object written = write.get();
                maybeCrash();
                return written;
            });
        }

        @Override
        public UpdateResult upsert(Query query, UpdateDefinition update, Class<?> entityClass) {
            UpdateResult result = super.upsert(query, update, entityClass);
            maybeCrash();
            return result;
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, Class<?> entityClass) {
            UpdateResult result = super.updateFirst(query, update, entityClass);
            maybeCrash();
            return result;
        }

        @Override
        public UpdateResult updateMulti(Query query, UpdateDefinition update, Class<?> entityClass) {
            UpdateResult result = super.updateMulti(query, update, entityClass);
            maybeCrash();
            return result;
        }

        private void maybeCrash() {
            if (++writes % 2 == 1) {
                throw new Crash();
            }
        }
    }
}
