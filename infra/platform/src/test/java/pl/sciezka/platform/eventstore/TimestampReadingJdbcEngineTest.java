package pl.sciezka.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine against a real H2 store migrated as the application migrates it. */
class TimestampReadingJdbcEngineTest {

    @Test
    void anAggregatesEventsComeBackWithTheTimesTheyWereStoredAt() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:timestamps;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        JdbcEventStorageEngine engine = new TimestampReadingJdbcEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventStoreConfiguration().eventSchema()));

        List<Instant> times = List.of(Instant.parse("1999-12-31T23:59:59.999Z"),
                Instant.parse("2026-11-24T10:15:30.120Z"), Instant.parse("2027-01-01T00:00:00Z"));
        List<DomainEventMessage<?>> appended = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            appended.add(new GenericDomainEventMessage<>("FamilyCase", "case-1", i, "event " + i,
                    MetaData.emptyInstance(), "event-" + i, times.get(i)));
        }
        engine.appendEvents(appended);
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
}
