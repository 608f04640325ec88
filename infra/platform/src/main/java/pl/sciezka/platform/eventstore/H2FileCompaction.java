package pl.sciezka.platform.eventstore;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import pl.sciezka.platform.h2.H2Stores;
import pl.sciezka.platform.h2.NewestChunkFilePath;

/**
 * Rewrites the live pages of the embedded H2 file's sparsely filled chunks, a little every interval,
 * so that the space of the old chunks is used again. H2 does this in its background writer, which
 * it runs only when commits are delayed; with {@code WRITE_DELAY=0}, which the event store needs so
 * that an acknowledged command survives SIGKILL, there is no background writer and nothing is ever
 * rewritten. Every commit writes a chunk of several blocks that soon holds little still in use, so
 * the file grew by about 34 KB per event (40 times its data) and never gave anything back.
 * <p>
 * H2 keeps a chunk it freed for its retention time (45 s) before writing over it, so the file still
 * grows by what a burst writes in that time; {@code SHUTDOWN COMPACT} shrinks it offline. The work runs
 * at normal priority on purpose: it holds the store's lock while it rewrites, and a thread in the
 * background would keep commands waiting for that lock while it waits for a core.
 * Nothing happens unless the data source is an H2 database in a file, opened in this JVM.
 */
public final class H2FileCompaction implements SmartLifecycle {

    /** Below this share of live data in the chunks, rewrite; H2's own housekeeping uses 81 while busy. */
    public static final int TARGET_FILL_RATE = 80;

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    private final DataSource dataSource;
    private final Duration interval;
    private final int bytesPerInterval;
    private ScheduledExecutorService executor;
    private MVStore store;
    /** Set once the data source turned out not to be an H2 file in this JVM (PostgreSQL, say): nothing to do, ever. */
    private volatile boolean notAnH2File;

    /**
     * @param bytesPerInterval live data rewritten at most per interval: what the store's lock is held for,
     *                         and what must keep up with what the commits leave behind
     */
    public H2FileCompaction(DataSource dataSource, Duration interval, int bytesPerInterval) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.bytesPerInterval = bytesPerInterval;
    }

    /** One interval's work; true if pages were rewritten. */
    boolean compactOnce() {
        if (notAnH2File) {
            return false;
        }
        MVStore current = store;
        if (current == null || current.isClosed()) {
            current = store = openStore();
        }
        if (current == null) {
            return false;
        }
        try {
            boolean rewritten = current.compact(TARGET_FILL_RATE, bytesPerInterval);
            if (rewritten) {
                // the rewritten pages go out with the next commit; when commands are idle that is this one,
                // which also frees the chunks whose retention has passed
                current.tryCommit();
            }
            return rewritten;
        } catch (MVStoreException | IllegalStateException closedMeanwhile) {
            log.debug("H2 store closed during compaction; opening it again next time", closedMeanwhile);
            store = null;
            return false;
        }
    }

    /** The MVStore behind the data source, or null if there is none to compact now. */
    private MVStore openStore() {
        try {
            MVStore mvStore = H2Stores.fileStoreBehind(dataSource);
            if (mvStore == null) {
                notAnH2File = true;
                return null;
            }
            if (!mvStore.getFileStore().getFileName().startsWith(NewestChunkFilePath.SCHEME + ":")) {
                log.warn("The event store's H2 URL lacks the prefix {}: (jdbc:h2:{}:…): a SIGKILL can lose"
                        + " acknowledged commands", NewestChunkFilePath.SCHEME, NewestChunkFilePath.SCHEME);
            }
            return mvStore;
        } catch (SQLException e) {
            log.warn("Cannot reach the event store to compact its file: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null || interval.isZero()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "h2-file-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::compactQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void compactQuietly() {
        try {
            compactOnce();
        } catch (RuntimeException e) {
            log.warn("Compacting the H2 file failed; trying again in {}", interval, e);
        }
    }

    /** Before the data source closes, which a lifecycle's stop always precedes. */
    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
