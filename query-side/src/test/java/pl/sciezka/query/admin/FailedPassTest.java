package pl.sciezka.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.query.TestMongoDatabase;
import pl.sciezka.query.Uninterrupted;
import pl.sciezka.query.projection.EndOfBatch;
import pl.sciezka.query.projection.EndOfPass;
import pl.sciezka.query.projection.ProjectionHarness;

/**
 * A rebuild whose pass fails for a projection resets that projection again, so that its processor replays
 * the events into an emptied read model, not over what the pass wrote: here a projection that counts the
 * events into a total it holds to the pass's end, which a replay over the pass's cases (each skipping the
 * events it has) would never add.
 */
class FailedPassTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int CASES = 4;
    private static final int EVENTS_PER_CASE = 5;

    @AutoClose
    private final TestMongoDatabase database = new TestMongoDatabase();
    private final MongoTemplate mongo = database.template();

    @Test
    void aProjectionWhosePassFailsAtItsEndIsResetAgainAndReplaysIntoAnEmptiedReadModel() {
        EventCounts projection = new EventCounts(mongo);
        try (ProjectionHarness harness = new ProjectionHarness(EventCounts.NAME, 100, projection)) {
            for (long sequence = 0; sequence < EVENTS_PER_CASE; sequence++) {
                for (int i = 0; i < CASES; i++) {
                    harness.store(new CoordinatorReassigned("case-" + i, "anna", "bartek", "leave"), sequence);
                }
            }
            harness.start();
            harness.awaitCaughtUp(PATIENCE);
            assertThat(projection.total()).as("before the rebuild").isEqualTo(CASES * EVENTS_PER_CASE);
            projection.endsOfPassToRefuse.set(1);
            RebuildMarkers markers = new RebuildMarkers(mongo);
            ProjectionRebuilds rebuilds = new ProjectionRebuilds(harness.processing(), harness.eventStore(),
                    new StaticListableBeanFactory().getBeanProvider(OtherInstances.class), markers, 7);
            try {
                rebuilds.rebuild(List.of(harness.processing()
                        .eventProcessor(EventCounts.NAME, StreamingEventProcessor.class).orElseThrow()));
                awaitEnded(rebuilds);
                harness.awaitCaughtUp(PATIENCE);
            } finally {
                rebuilds.destroy();
            }

            assertThat(projection.refused).as("the pass's end refused").hasValue(1);
            assertThat(projection.total()).as("after the rebuild").isEqualTo(CASES * EVENTS_PER_CASE);
            assertThat(mongo.getCollection(EventCounts.CASES).countDocuments()).isEqualTo(CASES);
            assertThat(markers.marked()).isEmpty();
        }
    }

    private static void awaitEnded(ProjectionRebuilds rebuilds) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (rebuilds.isUnderWay(EventCounts.NAME)) {
            assertThat(System.nanoTime()).as("the rebuild ended in time").isLessThan(until);
            Uninterrupted.sleep(Duration.ofMillis(20));
        }
    }

    /**
     * Each case's last event, and a total of the events: added at each event by a processor, held to the end
     * by a rebuild's pass, whose end it can be told to refuse.
     */
    @ProcessingGroup(EventCounts.NAME)
    static final class EventCounts {

        static final String NAME = "event-counts";
        static final String CASES = "event_count_cases";
        static final String TOTALS = "event_count_totals";

        private final MongoTemplate mongo;
        final AtomicInteger endsOfPassToRefuse = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        EventCounts(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(CoordinatorReassigned event, @SequenceNumber long sequence) {
            Document kase = mongo.findById(event.caseId(), Document.class, CASES);
            if (kase != null && kase.getLong("version") >= sequence) {
                return; // delivered again
            }
            mongo.save(new Document("_id", event.caseId()).append("version", sequence), CASES);
            TotalOfThePass pass = EndOfPass.held(TotalOfThePass.class, TotalOfThePass::new);
            if (pass != null) {
                pass.events++;
            } else {
                add(1);
            }
        }

        @ResetHandler
        void reset() {
            mongo.dropCollection(CASES);
            mongo.dropCollection(TOTALS);
        }

        long total() {
            Document total = mongo.findById("total", Document.class, TOTALS);
            return total == null ? 0 : total.get("events", Number.class).longValue();
        }

        private void add(long events) {
            mongo.upsert(Query.query(Criteria.where("_id").is("total")), new Update().inc("events", events), TOTALS);
        }

        private final class TotalOfThePass implements EndOfBatch.Held {

            long events;

            @Override
            public void flush() {
                if (endsOfPassToRefuse.getAndDecrement() > 0) {
                    refused.incrementAndGet();
                    throw new IllegalStateException("the store refused the pass's last write");
                }
                add(events);
                events = 0;
            }
        }
    }
}
