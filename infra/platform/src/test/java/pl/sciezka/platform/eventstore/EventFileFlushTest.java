package pl.sciezka.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.sciezka.platform.h2.H2Stores;

/**
 * A commit other connections can already read, but which H2 has not written yet (here held back by a long
 * {@code WRITE_DELAY}; in the application, the moment inside a commit between the two): a copy of the file,
 * which is what a SIGKILL leaves, lacks it until the flush has run, and holds it after.
 */
class EventFileFlushTest {

    @Test
    void writesCommitsThatAreVisibleButNotYetInTheFile(@TempDir Path directory) throws Exception {
        JdbcDataSource events = new JdbcDataSource();
        events.setURL("jdbc:h2:file:" + directory.resolve("events") + ";WRITE_DELAY=600000");
        events.setUser("sa");
        try (Connection writer = events.getConnection(); Connection reader = events.getConnection()) {
            writer.createStatement().execute("create table events(id bigint primary key)");
            EventFileFlush flush = new EventFileFlush(events);
            flush.run(); // the table itself in the file
            writer.createStatement().execute("insert into events values (1)");
            assertThat(count(reader)).as("visible to a projection").isEqualTo(1);
            assertThat(count(directory, "before")).as("in a file a kill leaves, before the flush").isZero();

            flush.run();

            assertThat(count(directory, "after")).as("in a file a kill leaves, after the flush").isEqualTo(1);
        }
    }

    @Test
    void findsAStoreOnlyForAnH2DatabaseInAFile(@TempDir Path directory) throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:flush;DB_CLOSE_DELAY=-1");
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + directory.resolve("file"));
        assertThat(H2Stores.fileStoreBehind(memory)).isNull();
        assertThat(H2Stores.fileStoreBehind(file)).isNotNull();
    }

    private static long count(Path directory, String copyName) throws Exception {
        Files.copy(directory.resolve("events.mv.db"), directory.resolve(copyName + ".mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Connection copy = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve(copyName), "sa", "")) {
            return count(copy);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from events")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
