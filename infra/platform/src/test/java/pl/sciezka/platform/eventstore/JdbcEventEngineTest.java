package pl.sciezka.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine against a real H2 store migrated as the application migrates it. */
class JdbcEventEngineTest {

    @Test
    void anAggregatesEventsComeBackWithTheTimesTheyWereStoredAt() {
        JdbcDataSource dataSource = migrated("timestamps");
        JdbcEventStorageEngine engine = new JdbcEventEngine(builder(dataSource), Duration.ZERO);

        List<Instant> times = List.of(Instant.parse("1999-12-31T23:59:59.999Z"),
                Instant.parse("2026-11-24T10:15:30.120Z"), Instant.parse("2027-01-01T00:00:00Z"));
        engine.appendEvents(eventsAt(times));
        // a row written by another writer, with an offset Axon never writes itself
        new JdbcTemplate(dataSource).update(
                "update domain_event_entry set time_stamp = '2027-01-01T02:00:00.000+02:00' where sequence_number = 2");

        DomainEventStream stream = engine.readEvents("case-1");
        List<Instant> read = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            read.add(message.getTimestamp());
            payloads.add(message.getPayload());
        }
        assertThat(read).isEqualTo(times);
        assertThat(payloads).containsExactly("event 0", "event 1", "event 2");
        try (Stream<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false)) {
            assertThat(all.map(TrackedEventMessage::getTimestamp)).isEqualTo(times);
        }
    }

    @Test
    void trackedEventsTakeTheTokensAxonsEngineGivesThemGapsIncluded() {
        JdbcDataSource dataSource = migrated("gaps");
        JdbcEventStorageEngine axons = builder(dataSource).build();
        JdbcEventStorageEngine ours = new JdbcEventEngine(builder(dataSource), Duration.ZERO);
        Instant now = Instant.now();
        // two events older than the gaps' timeout, then six recent ones, two of which are taken out again:
        // a gap behind an old event is not kept, gaps behind recent ones are
        List<Instant> times = List.of(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), now, now, now, now,
                now, now);
        ours.appendEvents(eventsAt(times));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("delete from domain_event_entry where sequence_number in (0, 4, 5)");

        assertThat(tracked(ours)).isEqualTo(tracked(axons)).hasSize(5);
        assertThat(tracked(ours).get(3)).contains("gaps=[5, 6]");
        assertThat(tracked(ours).get(0)).contains("gaps=[]");
    }

    @Test
    void aReaderThatFoundTheStreamsHeadWaitsOutTheIntervalBeforeItsNextFetchAndOthersDoNot() throws Exception {
        JdbcDataSource dataSource = migrated("pacing");
        Duration interval = Duration.ofMillis(1500);
        JdbcEventEngine engine = new JdbcEventEngine(builder(dataSource), interval);
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        engine.appendEvents(eventsAt(Collections.nCopies(6, yesterday)));
        // a rolled-back transaction's gap: the batches over it come back short, far from the head
        new JdbcTemplate(dataSource).update("delete from domain_event_entry where sequence_number = 1");

        long catchingUp = System.nanoTime();
        List<TrackedEventData<?>> read = new ArrayList<>();
        TrackingToken token = null;
        List<? extends TrackedEventData<?>> batch;
        do {
            batch = engine.fetchTrackedEvents(token, 2);
            read.addAll(batch);
            token = batch.isEmpty() ? token : last(batch);
        } while (!batch.isEmpty());
        long headFound = System.nanoTime();
        assertThat(Duration.ofNanos(System.nanoTime() - catchingUp)).as("a reader behind the head is not paced")
                .isLessThan(interval);
        assertThat(read).hasSize(5);
        TrackingToken head = token;

        ExecutorService another = Executors.newSingleThreadExecutor();
        try {
            long elsewhere = System.nanoTime();
            assertThat(another.submit(() -> engine.fetchTrackedEvents(head, 2)).get()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - elsewhere)).as("another thread's reader is not paced")
                    .isLessThan(interval);
        } finally {
            another.shutdownNow();
        }
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("FamilyCase", "case-1", 6, "event 6")));
        List<? extends TrackedEventData<?>> recent = engine.fetchTrackedEvents(head, 2);
        long recentFound = System.nanoTime();
        assertThat(Duration.ofNanos(recentFound - headFound)).as("the fetch after the head's")
                .isGreaterThanOrEqualTo(interval.minusMillis(20));
        assertThat(recent).extracting(TrackedEventData::getEventIdentifier).hasSize(1).doesNotContain("event-5");

        assertThat(engine.fetchTrackedEvents(last(recent), 2)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - recentFound)).as("the fetch after a recent event's")
                .isGreaterThanOrEqualTo(interval.minusMillis(20));
    }

    @Test
    void anEventAppendedAgainIsRefusedThoughItsIdentifierIsNotIndexed() {
        JdbcDataSource dataSource = migrated("again");
        JdbcEventStorageEngine engine = new JdbcEventEngine(builder(dataSource), Duration.ZERO);
        List<DomainEventMessage<?>> decisions = eventsAt(List.of(Instant.now(), Instant.now()));
        EventMessage<?> notice = GenericEventMessage.asEventMessage("an event outside any aggregate");
        engine.appendEvents(List.of(decisions.get(0), decisions.get(1), notice));

        // (aggregate_identifier, sequence_number) keeps them apart: Axon stores an event outside an
        // aggregate under its own identifier, at sequence number 0
        assertThatThrownBy(() -> engine.appendEvents(decisions.get(1))).satisfies(JdbcEventEngineTest::uniqueViolation);
        assertThatThrownBy(() -> engine.appendEvents(notice)).satisfies(JdbcEventEngineTest::uniqueViolation);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(3);
    }

    /** What the application's resolver turns into a concurrency conflict, and so into a retry. */
    private static void uniqueViolation(Throwable refused) {
        assertThat(refused).rootCause().isInstanceOf(SQLException.class)
                .extracting(cause -> ((SQLException) cause).getSQLState()).isEqualTo("23505");
    }

    private static final Jackson3Serializer SERIALIZER = Jackson3Serializer.builder().build();

    private static JdbcDataSource migrated(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        return dataSource;
    }

    /** A case's events, {@code event-0}, {@code event-1}…, each stored at its time. */
    private static List<DomainEventMessage<?>> eventsAt(List<Instant> times) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            events.add(new GenericDomainEventMessage<>("FamilyCase", "case-1", i, "event " + i,
                    MetaData.emptyInstance(), "event-" + i, times.get(i)));
        }
        return events;
    }

    private static JdbcEventStorageEngine.Builder builder(JdbcDataSource dataSource) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(SERIALIZER)
                .eventSerializer(SERIALIZER)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventStoreConfiguration().eventSchema());
    }

    /** Each tracked event's identifier, time and token. */
    private static List<String> tracked(JdbcEventStorageEngine engine) {
        try (Stream<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false)) {
            return all.map(event -> event.getIdentifier() + " " + event.getTimestamp() + " " + event.trackingToken())
                    .collect(Collectors.toList());
        }
    }

    private static TrackingToken last(List<? extends TrackedEventData<?>> events) {
        return events.get(events.size() - 1).trackingToken();
    }
}
