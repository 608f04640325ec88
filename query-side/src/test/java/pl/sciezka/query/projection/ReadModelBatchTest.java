package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.query.FindsSent;
import pl.sciezka.query.TestMongoDatabase;

/**
 * The read-model batch under a real pooled processor, dead-letter queue and MongoDB wire server:
 * batches of a hundred events end with exactly the documents that writing every event straight
 * through gives, a handler that throws costs only its own case's later events, and a failed write
 * leaves the token where it was.
 */
class ReadModelBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int CASES = 6;
    private static final int EVENTS_PER_CASE = 12;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void fullBatchesEndWithTheDocumentsThatWritingEachEventStraightThroughGives() {
        MongoTemplate batched = database();
        run(batched, 100, projection -> { });
        assertThat(documents(batched)).isEqualTo(documents(writtenStraightThrough()));
        assertThat(documents(batched).get("test_tallies")).hasSize(CASES);
    }

    /** The tallies, keyed by the case of the event handled, are read for the whole batch at the first event. */
    @Test
    void aBatchReadsItsCasesDocumentsTogether() {
        FindsSent talliesRead = new FindsSent("test_tallies");
        TestMongoDatabase database = new TestMongoDatabase(talliesRead);
        closing.add(database);
        MongoTemplate mongo = database.template();

        run(mongo, 100, projection -> { });
        List<String> byTheBatches = talliesRead.filters();

        assertThat(documents(mongo)).isEqualTo(documents(writtenStraightThrough()));
        assertThat(byTheBatches).as("a read per batch, not per case: %s", byTheBatches).hasSizeLessThan(CASES)
                .allSatisfy(filter -> assertThat(filter).contains("$in"));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        MongoTemplate mongo = database();
        run(mongo, 100, projection -> { });
        Map<String, List<Document>> once = documents(mongo);
        run(mongo, 100, projection -> { });
        assertThat(documents(mongo)).isEqualTo(once);
    }

    @Test
    void aThrowingHandlerLeavesItsCaseAsOfTheEventBeforeAndEveryOtherCaseComplete() {
        MongoTemplate mongo = database();
        TallyProjection projection = new TallyProjection(new ReadModelWriter(mongo));
        projection.poisonCase = "case-2";
        projection.poisonSequence = 5;
        ProjectionHarness harness = harness(projection, 100);
        storeHistory(harness);
        harness.start();
        harness.awaitCaughtUp(PATIENCE);

        Map<String, List<Document>> after = documents(mongo);
        for (Document tally : after.get("test_tallies")) {
            long through = tally.getString("_id").equals("case-2") ? 4 : EVENTS_PER_CASE - 1;
            assertThat(tally.getList("sequences", Long.class)).as(tally.getString("_id"))
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, through).boxed().toList());
        }
        Document last = after.get("test_boards").get(0).get("last", Document.class);
        assertThat(last.getLong("case-2")).isEqualTo(4);
        assertThat(last.getLong("case-3")).isEqualTo(EVENTS_PER_CASE - 1);
        assertThat(after.get("test_days")).flatExtracting(day -> day.getList("events", String.class))
                .contains("case-2/4", "case-3/5").doesNotContain("case-2/5", "case-2/6");
        assertThat(harness.deadLetters().contains("case-2")).isTrue();
        assertThat(harness.deadLetters().sequenceSize("case-2")).isEqualTo(EVENTS_PER_CASE - 5);
        assertThat(harness.deadLetters().amountOfSequences()).isEqualTo(1);

        projection.poisonCase = null;
        harness.retryDeadLetters();
        assertThat(harness.deadLetters().size()).isZero();
        // the retried events come last in the days' sets; what each holds is the same
        assertThat(daysSorted(documents(mongo))).isEqualTo(daysSorted(documents(writtenStraightThrough())));
    }

    @Test
    void aFailedWriteLeavesTheTokenWhereItWasAndTheBatchIsProcessedAgain() {
        MongoTemplate mongo = database();
        // a document that case-3's tally collides with on a unique field: every flush fails until it goes
        mongo.getCollection("test_tallies").createIndex(new Document("owner", 1), new IndexOptions().unique(true));
        mongo.getCollection("test_tallies").insertOne(new Document("_id", "blocker").append("owner", "case-3"));
        ProjectionHarness harness = harness(new TallyProjection(new ReadModelWriter(mongo)), 100);
        storeHistory(harness);
        harness.start();

        ProjectionHarness.sleep(1_500);
        // a batch that began before case-3's first event (the fourth stored) may have gone through
        assertThat(harness.storedToken().position().orElse(-1)).as("token %s", harness.storedToken()).isLessThan(3);
        assertThat(mongo.getCollection("test_tallies").countDocuments(new Document("_id", "case-3"))).isZero();
        assertThat(harness.deadLetters().size()).isZero();

        mongo.getCollection("test_tallies").deleteOne(new Document("_id", "blocker"));
        harness.awaitCaughtUp(PATIENCE);
        assertThat(documents(mongo)).isEqualTo(documents(writtenStraightThrough()));
    }

    private void run(MongoTemplate mongo, int batchSize, Consumer<TallyProjection> setUp) {
        TallyProjection projection = new TallyProjection(new ReadModelWriter(mongo));
        setUp.accept(projection);
        ProjectionHarness harness = harness(projection, batchSize);
        storeHistory(harness);
        harness.start();
        harness.awaitCaughtUp(PATIENCE);
    }

    private MongoTemplate writtenStraightThrough() {
        MongoTemplate mongo = database();
        TallyProjection.writeStraightThrough(mongo, history());
        return mongo;
    }

    private static Map<FamilyCaseOpened, Long> history() {
        return TallyProjection.interleavedHistory(CASES, EVENTS_PER_CASE);
    }

    private static void storeHistory(ProjectionHarness harness) {
        history().forEach(harness::store);
    }

    private ProjectionHarness harness(Object projection, int batchSize) {
        ProjectionHarness harness = new ProjectionHarness(TallyProjection.NAME, batchSize, projection);
        closing.add(harness);
        return harness;
    }

    private MongoTemplate database() {
        TestMongoDatabase database = new TestMongoDatabase();
        closing.add(database);
        return database.template();
    }

    private static Map<String, List<Document>> daysSorted(Map<String, List<Document>> documents) {
        documents.get("test_days").forEach(day -> day.put("events", day.getList("events", String.class).stream()
                .sorted().toList()));
        return documents;
    }

    private static Map<String, List<Document>> documents(MongoTemplate mongo) {
        return BatchEquivalence.documents(mongo, TallyProjection.COLLECTIONS);
    }
}
