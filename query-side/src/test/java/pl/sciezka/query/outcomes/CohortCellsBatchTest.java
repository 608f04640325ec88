package pl.sciezka.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGroup;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.query.FindsSent;
import pl.sciezka.query.TestMongoDatabase;
import pl.sciezka.query.outcomes.CohortCellStore.CaseChanges;
import pl.sciezka.query.outcomes.CohortHistory.Delivery;
import pl.sciezka.query.projection.OnePassReplay;
import pl.sciezka.query.projection.ProjectionHarness;

/**
 * The cohort cells written once per processor batch: batches of one event, of seven and of a hundred
 * give the same cells and facts; a crash in the middle of a batch's writes, followed by a restart
 * that goes on from the last stored token one event per batch (so no change is named as the crashed
 * batch named it), counts every change once; handling every event again changes nothing; and a
 * rebuild's pass gives the same cells, written once at its end.
 */
class CohortCellsBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Cases a group writes together here: fewer than the application's, so that a few cases make several groups. */
    private static final int CASES_PER_WRITE = 16;
    /** Eight families: fewer than a batch writes together. */
    private static final int FEW = 4;
    /** Forty families: a batch of all their events writes them in three groups. */
    private static final int MANY = 20;

    /**
     * {@code pairs} pairs of families, their events interleaved three at a time as concurrent work
     * leaves them, so a batch holds several cases with several events each.
     */
    private static List<Delivery> history(int pairs) {
        List<List<Delivery>> families = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            families.add(CohortHistory.threeGenerations("a" + i, i % 2 == 0 ? "Wilchwy" : "Radlin"));
            families.add(CohortHistory.parentOnAssistance("b" + i, i % 2 == 0 ? "Radlin" : "Wilchwy"));
        }
        List<Delivery> interleaved = new ArrayList<>();
        for (int from = 0; interleaved.size() < families.stream().mapToInt(List::size).sum(); from += 3) {
            for (List<Delivery> family : families) {
                interleaved.addAll(family.subList(Math.min(from, family.size()), Math.min(from + 3, family.size())));
            }
        }
        return interleaved;
    }

    @Test
    void anyBatchSizeLeavesTheSameCellsAndHandlingEverythingAgainChangesNothing() {
        List<List<CohortGroup>> answers = new ArrayList<>();
        List<List<Document>> facts = new ArrayList<>();
        for (int batchSize : List.of(1, 7, 100)) {
            try (TestMongoDatabase database = new TestMongoDatabase()) {
                MongoTemplate mongo = database.template();
                run(batchSize, new CohortCellStore(mongo), mongo, FEW);
                CohortHistory.assertCellsEqualTheScanOfTheirFacts(mongo);
                assertNoTokenLeft(mongo);
                List<Document> cells = allCells(mongo);
                run(100, new CohortCellStore(mongo), mongo, FEW);
                assertThat(allCells(mongo)).as("after every event again").isEqualTo(cells);
                answers.add(answers(mongo));
                facts.add(mongo.getCollection("cohort_cases").find().sort(new Document("_id", 1))
                        .map(kase -> kase.get("facts", Document.class)).into(new ArrayList<>()));
            }
        }
        assertThat(answers.get(0)).isNotEmpty();
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(facts.get(0)).hasSize(8);
        assertThat(facts).allSatisfy(stored -> assertThat(stored).isEqualTo(facts.get(0)));
    }

    @Test
    void aBatchOfMoreCasesThanOneWriteTakesGivesTheAnswersOfOneEventPerBatch() {
        List<List<CohortGroup>> answers = new ArrayList<>();
        for (int batchSize : List.of(1, 1000)) {
            FindsSent casesRead = new FindsSent("cohort_cases");
            try (TestMongoDatabase database = new TestMongoDatabase(casesRead)) {
                MongoTemplate mongo = database.template();
                run(batchSize, new CohortCellStore(mongo), mongo, MANY);
                if (batchSize > 1) {
                    assertThat(casesRead.filters()).as("the cases read a batch at a time").hasSizeLessThan(2 * MANY)
                            .allSatisfy(filter -> assertThat(filter).contains("$in"));
                }
                CohortHistory.assertCellsEqualTheScanOfTheirFacts(mongo);
                assertNoTokenLeft(mongo);
                assertThat(mongo.getCollection("cohort_cases").countDocuments()).isEqualTo(2L * MANY);
                answers.add(answers(mongo));
            }
        }
        assertThat(answers.get(0)).isNotEmpty();
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    /**
     * A rebuild's pass adds nothing to the cells until its end, and then each cell's sum in one write: batches
     * of seven and of a thousand leave the cells of one event per processor batch and no token; events after
     * the pass, and every event of the pass delivered again, go through the processor as usual.
     */
    @Test
    void aRebuildsPassAddsToTheCellsOnceAtItsEndWhatOneEventPerBatchAdds() throws Exception {
        List<CohortGroup> oneEventPerBatch;
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            run(1, new CohortCellStore(database.template()), database.template(), MANY);
            oneEventPerBatch = answers(database.template());
        }
        List<Delivery> history = history(MANY);
        int inThePass = history.size() * 2 / 3;
        for (int batchSize : List.of(7, 1000)) {
            try (TestMongoDatabase database = new TestMongoDatabase()) {
                MongoTemplate mongo = database.template();
                CellWritesCounted cells = new CellWritesCounted(mongo);
                try (ProjectionHarness harness = new ProjectionHarness(CohortCellsProjection.NAME, 100,
                        new CohortCellsProjection(mongo, cells, CASES_PER_WRITE))) {
                    history.subList(0, inThePass).forEach(delivery -> harness.store(delivery.message()));
                    OnePassReplay.Outcome outcome;
                    try (BlockingStream<TrackedEventMessage<?>> events = harness.allEvents()) {
                        outcome = new OnePassReplay(batchSize).run(List.of(harness.replayed()), events, null, token -> { });
                    }

                    assertThat(outcome.failed()).isEmpty();
                    assertThat(cells.guarded).as("cells written under the cases' tokens").isZero();
                    assertThat(cells.unguarded).as("cells written at the pass's end").isEqualTo(1);
                    CohortHistory.assertCellsEqualTheScanOfTheirFacts(mongo);
                    assertNoTokenLeft(mongo);

                    history.subList(inThePass, history.size()).forEach(delivery -> harness.store(delivery.message()));
                    harness.start(); // from the first event: the pass's events come again, then the later ones
                    harness.awaitCaughtUp(PATIENCE);
                }
                CohortHistory.assertCellsEqualTheScanOfTheirFacts(mongo);
                assertNoTokenLeft(mongo);
                assertThat(answers(mongo)).as("batches of " + batchSize).isEqualTo(oneEventPerBatch);
            }
        }
    }

    /** A real store that counts how its cells are written. */
    private static final class CellWritesCounted extends CohortCellStore {

        int guarded;
        int unguarded;

        CellWritesCounted(MongoTemplate mongo) {
            super(mongo);
        }

        @Override
        void add(List<CaseChanges> cases) {
            guarded++;
            super.add(cases);
        }

        @Override
        void addUnguarded(List<CohortCells.CellChange> totals) {
            unguarded++;
            super.addUnguarded(totals);
        }
    }

    @Test
    void aCrashWhileAddingToCellsIsFinishedOnceByBatchesCutDifferently() {
        assertACrashIsFinishedOnce(true, FEW, 10, 2);
    }

    @Test
    void aCrashBeforeTheTokensAreReleasedLeavesNoneBehind() {
        assertACrashIsFinishedOnce(false, FEW, 10, 2);
    }

    /** The crash comes in the second group of cases of the second batch, after the first batch was stored. */
    @Test
    void aCrashInALaterGroupOfALargeBatchIsFinishedOnce() {
        assertACrashIsFinishedOnce(true, MANY, 200, 4);
    }

    private static void assertACrashIsFinishedOnce(boolean whileAdding, int pairs, int batchSize, int spared) {
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            MongoTemplate mongo = database.template();
            CrashingCellStore crashing = new CrashingCellStore(mongo, whileAdding, spared);
            TokenStore tokens = new InMemoryTokenStore();
            try (ProjectionHarness dying = harness(batchSize, crashing, mongo, tokens, pairs)) {
                dying.start();
                assertThat(awaitQuietly(crashing.crashed)).as("a batch's writes crashed").isTrue();
                assertThat(dying.storedToken()).as("after earlier batches were stored").isNotNull();
            }
            assertThat(mongo.getCollection("cohort_cases").countDocuments(new Document("pending.0", new Document("$exists", true)))
                    + mongo.getCollection("cohort_cells").countDocuments(new Document("applying.0", new Document("$exists", true))))
                    .as("the crash left changes half written").isPositive();

            run(1, new CohortCellStore(mongo), mongo, tokens, pairs);
            CohortHistory.assertCellsEqualTheScanOfTheirFacts(mongo);
            assertNoTokenLeft(mongo);
        }
    }

    private static void run(int batchSize, CohortCellStore cells, MongoTemplate mongo, int pairs) {
        run(batchSize, cells, mongo, new InMemoryTokenStore(), pairs);
    }

    /** Runs the projection until it has every event, from the token {@code tokens} holds if any. */
    private static void run(int batchSize, CohortCellStore cells, MongoTemplate mongo, TokenStore tokens, int pairs) {
        try (ProjectionHarness harness = harness(batchSize, cells, mongo, tokens, pairs)) {
            harness.start();
            harness.awaitCaughtUp(PATIENCE);
            assertThat(harness.deadLetters().size()).as("dead letters").isZero();
        }
    }

    private static ProjectionHarness harness(int batchSize, CohortCellStore cells, MongoTemplate mongo, TokenStore tokens,
                                             int pairs) {
        ProjectionHarness harness = new ProjectionHarness(CohortCellsProjection.NAME, batchSize,
                new CohortCellsProjection(mongo, cells, CASES_PER_WRITE), tokens);
        history(pairs).forEach(delivery -> harness.store(delivery.message()));
        return harness;
    }

    private static List<CohortGroup> answers(MongoTemplate mongo) {
        CohortCellStore cells = new CohortCellStore(mongo);
        List<CohortGroup> answers = new ArrayList<>();
        for (CohortGrouping groupBy : CohortGrouping.values()) {
            for (Horizon horizon : Horizon.values()) {
                answers.addAll(cells.groups(groupBy, horizon, false));
                answers.addAll(cells.groups(groupBy, horizon, true));
            }
        }
        return answers;
    }

    private static List<Document> allCells(MongoTemplate mongo) {
        return mongo.getCollection("cohort_cells").find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static void assertNoTokenLeft(MongoTemplate mongo) {
        assertThat(allCells(mongo)).isNotEmpty().allSatisfy(cell -> assertThat(cell.getList("applying", String.class)).isEmpty());
        assertThat(mongo.findAll(CohortCaseDocument.class)).allSatisfy(kase -> assertThat(kase.pending).isEmpty());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
