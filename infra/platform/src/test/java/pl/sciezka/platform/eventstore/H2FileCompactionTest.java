package pl.sciezka.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.sciezka.platform.h2.NewestChunkFilePath;

/**
 * The same commits, one row each as the event store makes them, into two H2 files with {@code WRITE_DELAY=0}:
 * one compacted after every hundred commits, as the application's timer does every second, one never. The
 * retention time is 0 so that a freed chunk is written over at once and the outcome does not depend on the
 * clock; the application keeps H2's 45 s.
 */
class H2FileCompactionTest {

    private static final int COMMITS = 6000;

    @Test
    void keepsTheFileNearItsDataWhileCommitsArrive(@TempDir Path directory) throws Exception {
        long without = fileAfterCommits(directory.resolve("plain"), false);
        long with = fileAfterCommits(directory.resolve("compacted"), true);

        assertThat(with).as("file with compaction (%d KB) against without (%d KB)", with >> 10, without >> 10)
                .isLessThan(without / 3);
        assertThat(rowsAndChecksum(directory.resolve("compacted"))).as("every committed row, reopened")
                .isEqualTo(rowsAndChecksum(directory.resolve("plain")));
    }

    @Test
    void runsFromStartToStopUnlessItsIntervalIsZero() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:lifecycle;DB_CLOSE_DELAY=-1");
        H2FileCompaction compaction = new H2FileCompaction(memory, Duration.ofMillis(50), 1 << 20);
        compaction.start();
        assertThat(compaction.isRunning()).isTrue();
        compaction.stop();
        assertThat(compaction.isRunning()).isFalse();

        H2FileCompaction off = new H2FileCompaction(memory, Duration.ZERO, 1 << 20);
        off.start();
        assertThat(off.isRunning()).isFalse();
    }

    @Test
    void doesNothingForADatabaseInMemory() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1");
        assertThat(new H2FileCompaction(memory, Duration.ofMillis(50), 1 << 20).compactOnce()).isFalse();
    }

    private static long fileAfterCommits(Path file, boolean compacting) throws Exception {
        try (HikariDataSource pool = pool(file)) {
            H2FileCompaction compaction = new H2FileCompaction(pool, Duration.ofSeconds(1), 1 << 20);
            boolean rewroteAny = false;
            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute("create table events(global_index bigint auto_increment primary key,"
                        + " aggregate varchar(64), sequence bigint, payload varbinary(1000), unique(aggregate, sequence))");
                connection.setAutoCommit(false);
                PreparedStatement append = connection.prepareStatement(
                        "insert into events(aggregate, sequence, payload) values (?, ?, ?)");
                Random random = new Random(7);
                for (int i = 0; i < COMMITS; i++) {
                    byte[] payload = new byte[300];
                    random.nextBytes(payload);
                    append.setString(1, "case-" + i / 10);
                    append.setLong(2, i % 10);
                    append.setBytes(3, payload);
                    append.executeUpdate();
                    connection.commit();
                    if (compacting && i % 100 == 99) {
                        rewroteAny |= compaction.compactOnce();
                    }
                }
            }
            assertThat(rewroteAny).as("pages rewritten").isEqualTo(compacting);
            return Files.size(Path.of(file + ".mv.db"));
        }
    }

    private static String rowsAndChecksum(Path file) throws SQLException {
        try (HikariDataSource pool = pool(file); Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*), sum(sequence), bit_xor_agg(hash('SHA-256', payload))"
                     + " from events")) {
            rows.next();
            return rows.getLong(1) + " " + rows.getLong(2) + " " + rows.getString(3);
        }
    }

    /** Written as the application writes it, through {@code newest-chunk:}. */
    private static HikariDataSource pool(Path file) {
        NewestChunkFilePath.register();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:newest-chunk:" + file + ";WRITE_DELAY=0;RETENTION_TIME=0");
        pool.setUsername("sa");
        pool.setMaximumPoolSize(2);
        return pool;
    }
}
