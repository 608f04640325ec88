package pl.sciezka.bench.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import pl.sciezka.bench.client.Api;
import tools.jackson.databind.JsonNode;

/**
 * What the event store of a stopped or killed application holds, read straight from its H2 file with
 * plain JDBC. A copy of the file is read, so that the application, started again, recovers from the
 * kill by itself, not from a clean close done here.
 */
public record StoredEvents(List<Event> events) {

    /** One stored event: its place, its case, what it is, and the metadata and payload it was stored with. */
    public record Event(long globalIndex, String aggregateId, long sequence, String aggregateType, String payloadType,
                        JsonNode payload, String correlationId) {
    }

    public static StoredEvents read(Path dataDir) {
        Path copy;
        try {
            copy = Files.createTempDirectory("sciezka-store-copy");
            Files.copy(dataDir.resolve("events.mv.db"), copy.resolve("events.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("events"), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select global_index, aggregate_identifier, sequence_number, type,"
                     + " payload_type, payload, meta_data from domain_event_entry order by global_index")) {
            List<Event> events = new ArrayList<>();
            while (rows.next()) {
                JsonNode metadata = Api.JSON.readTree(rows.getBytes(7));
                events.add(new Event(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                        rows.getString(5), Api.JSON.readTree(rows.getBytes(6)),
                        metadata.path("correlationId").isString() ? metadata.get("correlationId").asString() : null));
            }
            return new StoredEvents(events);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store copied from " + dataDir, e);
        } finally {
            delete(copy);
        }
    }

    /** Events of family cases, the ones the load writes. */
    public Stream<Event> ofCases() {
        return events.stream().filter(event -> "FamilyCase".equals(event.aggregateType()));
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary copy left behind is harmless
        }
    }
}
