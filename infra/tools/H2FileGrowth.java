import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import pl.sciezka.platform.eventstore.H2FileCompaction;

/**
 * Two H2 files written side by side as the embedded default's event store writes (H2CommitStress's
 * commands, WRITE_DELAY=0), at a steady pace, one with the application's H2FileCompaction running and one
 * without. Prints both files' sizes as they grow, then bytes per event and the commands' p99. Run by
 * infra/tools/h2-file-growth, which compiles it with H2CommitStress.
 */
public class H2FileGrowth {

    public static void main(String[] args) throws Exception {
        String directory = args[0];
        long seconds = Long.parseLong(args[1]);
        int commitsPerSecond = Integer.parseInt(args[2]);
        Store plain = new Store(directory + "/plain", false);
        Store compacted = new Store(directory + "/compacted", true);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (Store store : List.of(plain, compacted)) {
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(new Thread(() -> store.write(writer, commitsPerSecond / 4, stop)));
            }
        }
        writers.forEach(Thread::start);
        for (long t = 10; t <= seconds; t += 10) {
            Thread.sleep(10_000);
            System.out.printf("%4d s: without compaction %5d MB, with %5d MB%n", t, plain.megabytes(), compacted.megabytes());
        }
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        for (Store store : List.of(plain, compacted)) {
            System.out.println(store.summary());
            store.close();
        }
    }

    private static final class Store {
        private final String name;
        private final JdbcDataSource dataSource = new JdbcDataSource();
        private final Connection keepOpen;
        private final H2FileCompaction compaction;
        private final ConcurrentLinkedQueue<Long> commandNanos = new ConcurrentLinkedQueue<>();

        Store(String name, boolean compacting) throws Exception {
            this.name = name;
            dataSource.setURL("jdbc:h2:file:" + name + ";WRITE_DELAY=0");
            dataSource.setUser("sa");
            keepOpen = dataSource.getConnection();
            H2CommitStress.CommandWrites.createTables(keepOpen);
            compaction = new H2FileCompaction(dataSource, Duration.ofSeconds(1), 1 << 20);
            if (compacting) {
                compaction.start();
            }
        }

        void write(int writer, int perSecond, AtomicBoolean stop) {
            try (Connection connection = dataSource.getConnection()) {
                H2CommitStress.CommandWrites commands = new H2CommitStress.CommandWrites(connection, writer);
                long start = System.nanoTime();
                for (long n = 0; !stop.get(); n++) {
                    long before = System.nanoTime();
                    commands.commit(n);
                    commandNanos.add(System.nanoTime() - before);
                    long wait = start + (n + 1) * 1_000_000_000L / perSecond - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        long megabytes() {
            return new File(name + ".mv.db").length() >> 20;
        }

        String summary() throws Exception {
            List<Long> commands = new ArrayList<>(commandNanos);
            Collections.sort(commands);
            try (ResultSet rows = keepOpen.createStatement().executeQuery("select count(*) from events")) {
                rows.next();
                long events = rows.getLong(1);
                return String.format("%s: %d events, %d MB, %.1f KB per event; a command's p99 %.1f ms", name, events,
                        megabytes(), new File(name + ".mv.db").length() / 1024.0 / events,
                        commands.get((int) (commands.size() * 0.99)) / 1e6);
            }
        }

        void close() throws Exception {
            compaction.stop();
            keepOpen.close();
        }
    }
}
