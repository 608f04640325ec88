import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Eight writers commit to an H2 file as the embedded default's event store does (WRITE_DELAY=0, a commit
 * per command): a key claimed, two events appended, the key completed, the aggregate read back now and
 * then. Under ZGC, H2 2.4.240 failed such a commit ("Position 0") in two of three runs of 150 s, and then
 * closed the database. Run by infra/tools/h2-commit-stress; prints how many writes were committed and the
 * first failure.
 */
public class H2CommitStress {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + ";WRITE_DELAY=0";
        long seconds = Long.parseLong(args[1]);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            CommandWrites.createTables(connection);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                try {
                    write(url, writer, stop, committed);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                }
            }));
        }
        writers.forEach(Thread::start);
        long end = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < end && !stop.get()) {
            Thread.sleep(200);
        }
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        System.out.println(org.h2.engine.Constants.FULL_VERSION + ": " + committed.get() + " writes committed in "
                + seconds + " s at most; " + (failure.get() == null ? "no failure" : "FAILED: " + failure.get()));
        System.exit(failure.get() == null ? 0 : 1);
    }

    private static void write(String url, int writer, AtomicBoolean stop, AtomicLong committed) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            CommandWrites commands = new CommandWrites(connection, writer);
            PreparedStatement read = connection.prepareStatement("select payload from events where aggregate = ? order by sequence");
            for (long n = 0; !stop.get(); n++) {
                String aggregate = commands.commit(n);
                committed.incrementAndGet();
                if (n % 3 == 0) {
                    read.setString(1, aggregate);
                    try (ResultSet rows = read.executeQuery()) {
                        while (rows.next()) {
                            rows.getBytes(1);
                        }
                    }
                    connection.commit();
                }
            }
        }
    }

    /** One writer's commands, each committed as the event store commits a command. Also used by H2FileGrowth. */
    static final class CommandWrites {
        private final Connection connection;
        private final int writer;
        private final Random random;
        private final PreparedStatement append;
        private final PreparedStatement claim;
        private final PreparedStatement complete;

        CommandWrites(Connection connection, int writer) throws SQLException {
            this.connection = connection;
            this.writer = writer;
            this.random = new Random(writer);
            connection.setAutoCommit(false);
            append = connection.prepareStatement("insert into events(aggregate, sequence, payload) values (?, ?, ?)");
            claim = connection.prepareStatement("insert into keys(id, done) values (?, false)");
            complete = connection.prepareStatement("update keys set done = true, result = ? where id = ?");
        }

        static void createTables(Connection connection) throws SQLException {
            connection.createStatement().execute("create table if not exists events(global_index bigint auto_increment"
                    + " primary key, aggregate varchar(64), sequence bigint, payload varbinary(2000), unique(aggregate, sequence))");
            connection.createStatement().execute("create table if not exists keys(id varchar(64) primary key,"
                    + " result varbinary(500), done boolean)");
        }

        /** The sequence number of the last event the writer's n-th command appends to its case. */
        static long lastSequence(long n) {
            return n % 10 * 2 + 1;
        }

        /** The writer's n-th command: a key claimed, two events of its case appended, the key completed; answers the case. */
        String commit(long n) throws SQLException {
            String aggregate = "case-" + writer + "-" + n / 10;
            String key = UUID.randomUUID().toString();
            claim.setString(1, key);
            claim.executeUpdate();
            for (int e = 0; e < 2; e++) {
                byte[] payload = new byte[200 + random.nextInt(400)];
                random.nextBytes(payload);
                append.setString(1, aggregate);
                append.setLong(2, lastSequence(n) - 1 + e);
                append.setBytes(3, payload);
                append.executeUpdate();
            }
            complete.setBytes(1, new byte[100]);
            complete.setString(2, key);
            complete.executeUpdate();
            connection.commit();
            return aggregate;
        }
    }
}
