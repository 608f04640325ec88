package pl.sciezka.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import pl.sciezka.api.familycase.CaseReopened;
import pl.sciezka.api.familycase.ClosureApproved;
import pl.sciezka.api.familycase.ClosureReason;
import pl.sciezka.api.familycase.ClosureRequested;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.HouseholdIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.query.CollectionWrites;
import pl.sciezka.query.FindsSent;
import pl.sciezka.query.TestMongoDatabase;
import pl.sciezka.query.projection.BatchEquivalence;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ProjectionHarness;

/**
 * Caseloads are the same whether their events come one per batch or a hundred, and after a process
 * killed in the middle of a batch's writes: lines that move to another coordinator, leave every
 * caseload once closed and measured, and come back when reopened.
 */
class CaseloadBatchTest {

    private static final Instant LATER = Instant.parse("2026-09-01T09:00:00Z");

    @Test
    void fullBatchesLeaveTheSameCaseloadsAsOneEventPerBatch() {
        Map<String, List<Document>> documents = BatchEquivalence.assertSameDocuments(CaseloadProjection.NAME,
                CaseloadProjection::new, history(), List.of(CaseloadDocument.COLLECTION, CaseCoordinator.COLLECTION));

        assertThat(documents.get(CaseloadDocument.COLLECTION)).extracting(caseload -> caseload.getString("_id")
                + ":" + caseload.get("cases", Document.class).keySet().stream().sorted().toList())
                .containsExactlyInAnyOrder("anna:[case-0]", "bartek:[case-3, case-4, case-5, case-6]");
        assertThat(documents.get(CaseCoordinator.COLLECTION)).hasSize(7)
                .filteredOn(pointer -> pointer.get("archived") != null)
                .extracting(pointer -> pointer.getString("_id")).containsExactlyInAnyOrder("case-1", "case-2");
    }

    /** A batch reads the pointers of its seven cases with one query, not one per case. */
    @Test
    void aBatchReadsItsCasesTogether() {
        FindsSent pointersRead = new FindsSent(CaseCoordinator.COLLECTION);
        try (TestMongoDatabase database = new TestMongoDatabase(pointersRead)) {
            run(100, database.template(), new InMemoryTokenStore());

            assertThat(pointersRead.filters()).as("%s", pointersRead.filters()).hasSizeLessThan(7)
                    .allSatisfy(filter -> assertThat(filter).contains("$in"));
        }
    }

    @Test
    void aProcessKilledAfterAnyWriteOfABatchIsRepairedByBatchesCutDifferently() {
        List<Document> clean;
        int allWrites;
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            DyingTemplate counting = new DyingTemplate(database.template(), Integer.MAX_VALUE);
            run(10, counting, new InMemoryTokenStore());
            allWrites = counting.made();
        }
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            run(100, database.template(), new InMemoryTokenStore());
            clean = documents(database.template());
        }
        assertThat(allWrites).as("writes of batches of ten").isGreaterThan(8);
        // up to two thirds of them: a processor may cut its batches shorter in one run than in another, which makes
        // more writes, never fewer, so a run may stop writing before a point the counting run reached
        for (int writes = 1; writes <= allWrites * 2 / 3; writes += Math.max(1, allWrites / 8)) {
            try (TestMongoDatabase database = new TestMongoDatabase()) {
                DyingTemplate dying = new DyingTemplate(database.template(), writes);
                TokenStore tokens = new InMemoryTokenStore();
                try (ProjectionHarness harness = harness(10, dying, tokens)) {
                    harness.start();
                    assertThat(awaitQuietly(dying.died)).as("died after %d writes", writes).isTrue();
                }
                run(7, database.template(), tokens);
                assertThat(documents(database.template())).as("after dying at write %d", writes).isEqualTo(clean);
            }
        }
    }

    /** Runs the projection until it has every event, from the token {@code tokens} holds if any. */
    private static void run(int batchSize, MongoTemplate mongo, TokenStore tokens) {
        try (ProjectionHarness harness = harness(batchSize, mongo, tokens)) {
            harness.start();
            harness.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(harness.deadLetters().size()).as("dead letters").isZero();
        }
    }

    private static ProjectionHarness harness(int batchSize, MongoTemplate mongo, TokenStore tokens) {
        ProjectionHarness harness = new ProjectionHarness(CaseloadProjection.NAME, batchSize, new CaseloadProjection(mongo),
                tokens);
        history().forEach(harness::store);
        return harness;
    }

    private static List<Document> documents(MongoTemplate mongo) {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of(CaseloadDocument.COLLECTION, CaseCoordinator.COLLECTION)) {
            mongo.getCollection(collection).find().sort(new Document("_id", 1)).into(documents);
        }
        return documents;
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Makes {@code writes} writes, and dies right after the last of them: every later write fails unmade. The
     * writes are counted on the template and on the driver's collections it hands out (a bulk write counts as one).
     */
    private static final class DyingTemplate extends MongoTemplate {

        final CountDownLatch died = new CountDownLatch(1);
        private final AtomicInteger left;
        private final int writes;

        DyingTemplate(MongoTemplate real, int writes) {
            super(real.getMongoDatabaseFactory(), real.getConverter());
            this.left = new AtomicInteger(writes);
            this.writes = writes;
        }

        int made() {
            return writes - left.get();
        }

        @Override
        public <T> T save(T objectToSave) {
            return write(() -> super.save(objectToSave));
        }

        @Override
        public MongoCollection<Document> getCollection(String collectionName) {
            return CollectionWrites.around(super.getCollection(collectionName), write -> write(write));
        }

        @Override
        public UpdateResult upsert(Query query, UpdateDefinition update, Class<?> entityClass) {
            return write(() -> super.upsert(query, update, entityClass));
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, Class<?> entityClass) {
            return write(() -> super.updateFirst(query, update, entityClass));
        }

        @Override
        public UpdateResult updateMulti(Query query, UpdateDefinition update, Class<?> entityClass) {
            return write(() -> super.updateMulti(query, update, entityClass));
        }

        private <T> T write(Supplier<T> write) {
            if (left.get() <= 0) {
                throw new IllegalStateException("dead");
            }
            T written = write.get();
            if (left.decrementAndGet() == 0) {
                died.countDown();
                throw new IllegalStateException("the process died here");
            }
            return written;
        }
    }

    /**
     * {@link FamilyHistory}'s seven families (all reassigned from anna to bartek at the end), then three
     * of them closed and measured at every follow-up, interleaved, and the first reopened and handed
     * back to anna.
     */
    private static List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>(FamilyHistory.of(7));
        long next = 10; // FamilyHistory gives each case ten events
        List<List<FamilyCaseEvent>> closing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseId = "case-" + i;
            List<FamilyCaseEvent> closed = new ArrayList<>(List.of(
                    new ClosureRequested(caseId, ClosureReason.GOALS_ACHIEVED, "done", null),
                    new ClosureApproved(caseId, "ok", LocalDate.of(2026, 4, 1))));
            for (Horizon horizon : List.of(Horizon.FOLLOW_UP_6M, Horizon.FOLLOW_UP_12M, Horizon.FOLLOW_UP_24M)) {
                closed.add(new OutcomeMeasured(caseId, caseId + "-" + horizon, 1, horizon, LocalDate.of(2026, 8, 1),
                        new HouseholdIndicators(BigDecimal.TEN, false, 0, null), List.of(), null));
            }
            closing.add(closed);
        }
        for (int step = 0; step < closing.get(0).size(); step++) {
            for (List<FamilyCaseEvent> closed : closing) {
                events.add(message(closed.get(step), next + step, events.size()));
            }
        }
        next += closing.get(0).size();
        events.add(message(new CaseReopened("case-0", "relapse", 2), next, events.size()));
        events.add(message(new CoordinatorReassigned("case-0", "bartek", "anna", "back"), next + 1, events.size()));
        return events;
    }

    private static DomainEventMessage<?> message(FamilyCaseEvent event, long sequence, int index) {
        return new GenericDomainEventMessage<>("FamilyCase", event.caseId(), sequence, event, MetaData.emptyInstance(),
                event.caseId() + "/" + sequence, LATER.plusSeconds(60L * index));
    }
}
