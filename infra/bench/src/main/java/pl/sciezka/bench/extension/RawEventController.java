package pl.sciezka.bench.extension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The physical limit the rebuild and as-of benchmarks are measured against: reading the stored
 * events with plain JDBC, in one forward-only query, and deserialising each payload and its metadata
 * with the application's own event serializer (personal data decrypted as any reader gets it).
 * <p>
 * One case's read names a lower sequence bound that differs at every call. H2 answers a statement
 * it ran last with the same parameters, on tables unchanged since, from that result; the benchmark
 * reads the same case hundreds of times, so without the bound the baseline measured H2 handing back
 * its cache, not a read of the events (the as-of reconstruction it is compared with reads them).
 */
@RestController
@RequestMapping("/bench/events")
@PreAuthorize("hasRole('ADMIN')")
class RawEventController {

    private static final String COLUMNS = "select payload_type, payload_revision, payload, meta_data from domain_event_entry";

    private final AtomicLong calls = new AtomicLong();
    private final DataSource dataSource;
    private final Serializer serializer;

    RawEventController(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
    }

    /** Every event in the store, or one case's, read and deserialised; answers how many and how long it took. */
    @GetMapping("/raw-read")
    Map<String, Object> read(@RequestParam(required = false) String aggregateId) throws SQLException {
        long started = System.nanoTime();
        long events = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = aggregateId == null
                     ? connection.prepareStatement(COLUMNS + " order by global_index")
                     : connection.prepareStatement(COLUMNS + " where aggregate_identifier = ? and sequence_number > ? order by sequence_number")) {
            if (aggregateId != null) {
                statement.setString(1, aggregateId);
                statement.setLong(2, -1 - calls.getAndIncrement()); // below every sequence number: selects them all
            }
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    deserialise(rows);
                    events++;
                }
            }
        }
        return Map.of("events", events, "nanos", System.nanoTime() - started);
    }

    @GetMapping("/count")
    Map<String, Object> count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from domain_event_entry")) {
            rows.next();
            return Map.of("events", rows.getLong(1));
        }
    }

    private void deserialise(ResultSet row) throws SQLException {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                row.getBytes(3), byte[].class, row.getString(1), row.getString(2)));
        Object metadata = serializer.deserialize(new SerializedMetaData<>(row.getBytes(4), byte[].class));
        if (payload == null || metadata == null) {
            throw new IllegalStateException("an event did not deserialise");
        }
    }
}
