import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import pl.sciezka.platform.eventstore.H2FileCompaction;
import pl.sciezka.platform.h2.NewestChunkFilePath;

/**
 * Eight writers commit to an H2 file as the embedded default's event store does, four followers read
 * the events and commit their positions as tracking processors do, and the application's
 * H2FileCompaction runs beside them (or not), all in a child JVM that writes through the given file path
 * prefix ({@code newest-chunk}, as the application, or {@code file}, H2 alone) and is killed with SIGKILL at a
 * random moment; then H2 alone opens the file again and every commit the child reported as returned must be in it.
 * This is the kill-under-load test without the application, so many more kills fit in a minute.
 * Run by infra/tools/h2-crash-stress; exits 1 if a returned commit was lost.
 */
public class H2CrashStress {

    public static void main(String[] args) throws Exception {
        NewestChunkFilePath.register();
        if (args[0].equals("child")) {
            child(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
            return;
        }
        Path dir = Path.of(args[0]);
        int cycles = Integer.parseInt(args[1]);
        long compactionMillis = Long.parseLong(args[2]);
        String settings = ";WRITE_DELAY=0" + (args.length > 4 ? args[4] : "");
        // the child writes through the given file path prefix; the file is read back as H2 alone opens it
        String childUrl = "jdbc:h2:" + args[3] + ":" + dir.resolve("store") + settings;
        String url = "jdbc:h2:file:" + dir.resolve("store") + settings;
        Random random = new Random(20261204L);
        long returned = 0;
        long lost = 0;
        long identityReused = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "H2CrashStress", "child", childUrl,
                    Long.toString(compactionMillis), Integer.toString(cycle)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> acknowledged = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("case-")) { // anything else is a log line
                            acknowledged.add(line);
                        }
                    }
                } catch (Exception ignored) {
                    // the pipe breaks when the child dies
                }
            });
            reader.start();
            Thread.sleep(1500 + random.nextInt(2500));
            child.destroyForcibly().waitFor();
            reader.join();
            // opening the file recovers it, so a file to keep is copied before, as the kill left it
            Path asKilled = System.getenv("KEEP_LOST") == null ? null : dir.resolve("as-killed.mv.db");
            if (asKilled != null) {
                Files.copy(dir.resolve("store.mv.db"), asKilled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            long missing = 0;
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 PreparedStatement find = connection.prepareStatement(
                         "select count(*) from events where aggregate = ? and sequence = ?")) {
                for (String line : acknowledged) {
                    String[] fields = line.split(" ");
                    find.setString(1, fields[0]);
                    find.setLong(2, Long.parseLong(fields[1]));
                    try (ResultSet row = find.executeQuery()) {
                        row.next();
                        if (row.getLong(1) != 1) {
                            missing++;
                            if (missing <= 3) {
                                System.out.println("cycle " + cycle + ": returned commit " + line + " is not in the file");
                            }
                        }
                    }
                }
            }
            long behind = identityBehind(url);
            System.out.println("cycle " + cycle + ": " + acknowledged.size() + " commits returned, " + missing
                    + " lost; file " + Files.size(dir.resolve("store.mv.db")) / 1024 / 1024 + " MB"
                    + (behind > 0 ? "; the identity would hand out " + behind + " stored global indexes again" : ""));
            identityReused += behind > 0 ? 1 : 0;
            if (missing > 0 && asKilled != null) {
                Files.copy(asKilled, Path.of(System.getenv("KEEP_LOST"), "lost-" + cycle + ".mv.db"));
                Files.write(Path.of(System.getenv("KEEP_LOST"), "lost-" + cycle + ".acks"), acknowledged);
            }
            returned += acknowledged.size();
            lost += missing;
        }
        System.out.println(org.h2.engine.Constants.FULL_VERSION + ", " + args[3] + ":, compaction every " + compactionMillis + " ms: "
                + returned + " commits returned in " + cycles + " kills, " + lost + " lost; identity behind the stored"
                + " indexes after " + identityReused + " kills");
        System.exit(lost == 0 && identityReused == 0 ? 0 : 1);
    }

    /**
     * How many stored global indexes the identity would hand out again: its next value as the file was
     * recovered, against the highest stored. Zero when it is past them, as it must be.
     */
    private static long identityBehind(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet row = connection.createStatement().executeQuery("select (select identity_base from"
                     + " information_schema.columns where table_name = 'EVENTS' and column_name = 'GLOBAL_INDEX'),"
                     + " (select coalesce(max(global_index), 0) from events)")) {
            row.next();
            return Math.max(0, row.getLong(2) - row.getLong(1) + 1);
        }
    }

    /** Writes until killed; prints "aggregate sequence" of each commit's last event once the commit returned. */
    private static void child(String url, long compactionMillis, int cycle) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            H2CommitStress.CommandWrites.createTables(connection);
        }
        if (compactionMillis > 0) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("sa");
            new H2FileCompaction(dataSource, Duration.ofMillis(compactionMillis), 1 << 20).start();
        }
        for (int p = 0; p < 4; p++) {
            String processor = "processor-" + p;
            new Thread(() -> follow(url, processor)).start();
        }
        for (int w = 0; w < 8; w++) {
            int writer = cycle * 10 + w; // each child writes cases of its own
            new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                    H2CommitStress.CommandWrites commands = new H2CommitStress.CommandWrites(connection, writer);
                    for (long n = 0; ; n++) {
                        String aggregate = commands.commit(n);
                        synchronized (System.out) {
                            System.out.println(aggregate + " " + H2CommitStress.CommandWrites.lastSequence(n));
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }).start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Reads the events in order and commits how far it got after each batch, as a tracking processor does. */
    private static void follow(String url, String processor) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("create table if not exists tokens(processor varchar(64) primary key,"
                    + " position bigint, owner varchar(64), claimed timestamp)");
            connection.createStatement().execute("merge into tokens key(processor) values ('" + processor
                    + "', 0, 'child', current_timestamp)");
            connection.commit();
            PreparedStatement position = connection.prepareStatement("select position from tokens where processor = ? for update");
            PreparedStatement batch = connection.prepareStatement(
                    "select global_index, payload from events where global_index > ? order by global_index limit 100");
            PreparedStatement advance = connection.prepareStatement(
                    "update tokens set position = ?, claimed = current_timestamp where processor = ?");
            while (true) {
                position.setString(1, processor);
                long last;
                try (ResultSet row = position.executeQuery()) {
                    row.next();
                    last = row.getLong(1);
                }
                batch.setLong(1, last);
                try (ResultSet rows = batch.executeQuery()) {
                    while (rows.next()) {
                        last = rows.getLong(1);
                        rows.getBytes(2);
                    }
                }
                advance.setLong(1, last);
                advance.setString(2, processor);
                advance.executeUpdate();
                connection.commit();
                Thread.sleep(5);
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
