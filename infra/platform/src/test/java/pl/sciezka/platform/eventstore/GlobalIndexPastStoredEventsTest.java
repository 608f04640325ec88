package pl.sciezka.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 event file whose identity a crash left behind its stored events (set here with RESTART, as the
 * recovered reservation leaves it), opened again as a start opens it, with the migrations and the callback:
 * the next event is numbered past the stored ones. The identity is never moved back.
 */
class GlobalIndexPastStoredEventsTest {

    @Test
    void aStartMovesTheNumberingPastTheStoredEventsWhenACrashLeftItBehind(@TempDir Path directory) throws Exception {
        JdbcDataSource events = file(directory);
        start(events);
        append(events, 10);
        execute(events, "alter table domain_event_entry alter column global_index restart with 6");
        assertThatThrownBy(() -> append(events, 1)).as("what the crash leaves without the callback")
                .hasMessageContaining("PRIMARY KEY");

        start(events);
        append(events, 1);

        assertThat(numbers(events)).as("highest and how many").containsExactly(11L, 11L);
    }

    @Test
    void aNumberingAheadOfTheStoredEventsIsLeftAlone(@TempDir Path directory) throws Exception {
        JdbcDataSource events = file(directory);
        start(events);
        append(events, 3);
        execute(events, "alter table domain_event_entry alter column global_index restart with 40");

        start(events);
        append(events, 1);

        assertThat(numbers(events)).containsExactly(40L, 4L);
    }

    private static JdbcDataSource file(Path directory) {
        JdbcDataSource events = new JdbcDataSource();
        events.setURL("jdbc:h2:file:" + directory.resolve("events"));
        events.setUser("sa");
        return events;
    }

    /** What each start of the application does before anything appends. */
    private static void start(JdbcDataSource events) {
        Flyway.configure().dataSource(events).locations("classpath:db/migration/h2")
                .callbacks(new GlobalIndexPastStoredEvents()).load().migrate();
    }

    private static void append(JdbcDataSource events, int count) throws SQLException {
        try (Connection connection = events.getConnection()) {
            for (int i = 0; i < count; i++) {
                connection.createStatement().execute("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                            type, time_stamp, payload_type, payload)
                        values (random_uuid(), random_uuid(), 0, 'FamilyCase', '2026-12-07T08:00:00Z',
                            'java.lang.String', cast('payload' as binary varying))""");
            }
        }
    }

    private static void execute(JdbcDataSource events, String sql) throws SQLException {
        try (Connection connection = events.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }

    private static Long[] numbers(JdbcDataSource events) throws SQLException {
        try (Connection connection = events.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "select max(global_index), count(*) from domain_event_entry")) {
            row.next();
            return new Long[] {row.getLong(1), row.getLong(2)};
        }
    }
}
