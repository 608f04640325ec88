package pl.sciezka.platform.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commits into an H2 file, through {@code newest-chunk:} and without it; after every commit the file
 * is copied as it is (what a SIGKILL leaves, since H2 writes straight to the file) and the copy opened by
 * H2 alone: every commit that returned must be in it. The retention time is 0, so that freed space is
 * written over at once and chunks land in the middle of the file from the start, without waiting 45 s.
 */
class NewestChunkChannelTest {

    /** H2 alone lost 16 of the first 80 in this sequence; through the prefix none of 600 was lost. */
    private static final int COMMITS = 150;

    @BeforeAll
    static void register() {
        NewestChunkFilePath.register();
    }

    @Test
    void everyReturnedCommitSurvivesAKillThroughTheNewestChunkPrefix(@TempDir Path directory) throws Exception {
        assertThat(commitsLostToKills(directory, "newest-chunk:")).as("commits lost after a kill").isZero();
    }

    /** The control: without the prefix, H2 2.5.252 loses returned commits; if this fails, H2 has mended it. */
    @Test
    void h2AloneLosesReturnedCommitsToKills(@TempDir Path directory) throws Exception {
        assertThat(commitsLostToKills(directory, "file:")).as("commits lost after a kill").isPositive();
    }

    @Test
    void aCleanCloseLeavesAFileH2AloneOpensWithEveryRow(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:newest-chunk:" + directory.resolve("store") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            createTable(connection);
            Random random = new Random(7);
            for (int i = 1; i <= 200; i++) {
                insert(connection, i, random);
            }
        }
        assertThat(rows(directory.resolve("store"))).isEqualTo(200);
    }

    /** How many commits, each copied right after it returned, the copy does not hold. */
    private static int commitsLostToKills(Path directory, String prefix) throws Exception {
        Path store = directory.resolve("store");
        Path killed = directory.resolve("killed");
        String url = "jdbc:h2:" + prefix + store + ";WRITE_DELAY=0;RETENTION_TIME=0";
        int lost = 0;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            createTable(connection);
            Random random = new Random(20261204L);
            for (int committed = 1; committed <= COMMITS; committed++) {
                insert(connection, committed, random);
                Files.copy(store.resolveSibling("store.mv.db"), killed.resolveSibling("killed.mv.db"),
                        StandardCopyOption.REPLACE_EXISTING);
                if (rows(killed) != committed) {
                    lost++;
                }
            }
        }
        return lost;
    }

    private static void createTable(Connection connection) throws SQLException {
        connection.createStatement().execute("create table events(id bigint primary key, payload varbinary(20000))");
        connection.setAutoCommit(false);
    }

    /** One commit of a row between 100 bytes and 12 KB, so that chunks differ in size and land where not predicted. */
    private static void insert(Connection connection, long id, Random random) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into events values (?, ?)")) {
            byte[] payload = new byte[100 + random.nextInt(12_000)];
            random.nextBytes(payload);
            insert.setLong(1, id);
            insert.setBytes(2, payload);
            insert.executeUpdate();
        }
        connection.commit();
    }

    private static long rows(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "");
             ResultSet count = connection.createStatement().executeQuery("select count(*) from events")) {
            count.next();
            return count.getLong(1);
        }
    }
}
