package pl.sciezka.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read after a token with gaps, against Axon's own statement, on H2 and PostgreSQL stores migrated as
 * the application migrates them.
 */
class ReadEventsAfterGapsByIndexTest {

    private static final int EVENTS = 20_000;
    private static final EventSchema SCHEMA = new EventStoreConfiguration().eventSchema();
    private static JdbcDataSource h2;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void storesWithHoles() throws Exception {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:gaps-by-index;DB_CLOSE_DELAY=-1");
        storeWithHoles(h2, "h2", "system_range(1, %d) as numbers(x)", "binary varying");
        postgres = EmbeddedPostgres.builder().start();
        storeWithHoles(postgres.getPostgresDatabase(), "postgresql", "generate_series(1, %d) as numbers(x)", "bytea");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    static Stream<DataSource> databases() {
        return Stream.of(h2, postgres.getPostgresDatabase());
    }

    private static void storeWithHoles(DataSource dataSource, String vendor, String numbers, String binary)
            throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload)
                    select 'event-' || x, 'case-' || mod(x, 500), x / 500, 'FamilyCase', '2026-12-06T10:00:00Z',
                        'java.lang.String', cast('payload' as %s)
                    from %s""".formatted(binary, numbers.formatted(EVENTS)));
            // rolled-back transactions: their numbers were taken, their rows never stored
            connection.createStatement().execute(
                    "delete from domain_event_entry where global_index in (19940, 19975, 19990, 19991, 19997)");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readsTheRowsAxonsStatementReads(DataSource dataSource) throws SQLException {
        ReadEventsAfterGapsByIndex ours = new ReadEventsAfterGapsByIndex();
        List<List<Long>> gapSets = List.of(List.of(19_940L), List.of(19_940L, 19_975L, 19_980L),
                List.of(5L, 19_000L, 19_989L), List.of(19_001L));
        long index = 19_989;
        for (List<Long> gaps : gapSets) {
            for (int batchSize : new int[] {1, 3, 10, 100}) {
                try (Connection connection = dataSource.getConnection()) {
                    assertThat(indexes(ours.build(connection, SCHEMA, index, batchSize, gaps)))
                            .as("gaps %s, batch of %d", gaps, batchSize)
                            .isEqualTo(indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(
                                    connection, SCHEMA, index, batchSize, gaps)))
                            .isSorted();
                }
            }
        }
    }

    @Test
    void readsOnlyTheGapsAndTheRangeNotTheWholeTableOnH2() throws SQLException {
        List<Long> gaps = List.of(19_940L, 19_975L, 19_980L);
        int batchSize = 100;
        String axons = "SELECT " + SCHEMA.trackedEventFields() + " FROM " + SCHEMA.domainEventTable()
                + " WHERE (global_index > ? AND global_index <= ?) OR global_index IN (?,?,?) ORDER BY global_index ASC";

        // what made the projections' reader at the head read every stored event on each fetch with a gap
        assertThat(rowsScanned(axons, 19_900, batchSize, gaps)).isGreaterThanOrEqualTo(EVENTS - 10);
        assertThat(rowsScanned(ReadEventsAfterGapsByIndex.sql(SCHEMA, gaps.size()), 19_900, batchSize, gaps))
                .isLessThanOrEqualTo(batchSize + gaps.size() + 2);
    }

    /** The rows H2 visited for the statement, summed over its scans, as its {@code EXPLAIN ANALYZE} reports them. */
    private static long rowsScanned(String sql, long index, int batchSize, List<Long> gaps) throws SQLException {
        try (Connection connection = h2.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            ReadEventsAfterGapsByIndex.bind(explain, index, batchSize, gaps);
            ResultSet plan = explain.executeQuery();
            plan.next();
            Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
            long rows = 0;
            while (scans.find()) {
                rows += Long.parseLong(scans.group(1));
            }
            assertThat(rows).as("a plan that reports its scans").isPositive();
            return rows;
        }
    }

    private static List<Long> indexes(PreparedStatement statement) throws SQLException {
        try (statement; ResultSet rows = statement.executeQuery()) {
            List<Long> indexes = new ArrayList<>();
            while (rows.next()) {
                indexes.add(rows.getLong(SCHEMA.globalIndexColumn()));
            }
            return indexes;
        }
    }
}
