package pl.sciezka.platform.mongo;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.sciezka.platform.eventstore.EventFileFlush;
import pl.sciezka.platform.eventstore.H2FileCompaction;

/**
 * Commits the embedded server's MVStore only between write commands, never inside one. One command
 * writes several maps one after the other (a document into the data map, then its key into each
 * index map), and MVStore's own auto-commit stores whatever the maps hold at that moment: after a
 * crash the file could then hold a document its indexes do not know, and the next update of that
 * document fails for good (a processor's tracking token could no longer be claimed). Here write
 * commands run side by side under a shared lock and a commit takes it exclusively, so the file
 * always holds whole commands. Reads take no lock: they change no map.
 * <p>
 * Before each commit it also rewrites up to a megabyte of the live pages of sparsely filled chunks, as
 * {@link H2FileCompaction} does for the event store and for the same reason: with its own commits off,
 * MVStore rewrites nothing, and the file grew to five times its data in a 3-minute benchmark. Rewriting
 * changes no map's content, so it runs beside the writes; the commit after it stores what it rewrote.
 */
final class CommitsBetweenWrites {

    /**
     * Each commit writes every page changed since the one before whole, while writes wait, so a page that
     * changes many times between two commits is written once. Five seconds instead of one took a rebuild
     * of 300,000 events 11–18 % less CPU per event and left the file a sixth smaller, and after a command
     * benchmark half the size (docs/BENCHMARKS.md, twenty-third round). A crash costs the projections at
     * most this much work again: their tokens are stored in the same commits as what they wrote.
     */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final int COMPACTION_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(CommitsBetweenWrites.class);

    /** Commands that only read (lower case): everything else, including unknown ones, counts as a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "killcursors",
            "listcollections", "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo",
            "whatsmyuri", "getlasterror", "serverstatus", "dbstats", "collstats", "endsessions", "connectionstatus",
            "getparameter", "getcmdlineopts", "getfreemonitoringstatus", "getlog", "hostinfo");

    private final MVStore store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;
    private final int compactionBytes;
    private final Runnable beforeEachCommit;

    /** @param beforeEachCommit run while no write is under way, just before the commit: see {@link EventFileFlush} */
    CommitsBetweenWrites(MVStore store, Duration interval, Runnable beforeEachCommit) {
        this(store, interval, COMPACTION_BYTES, beforeEachCommit);
    }

    /** @param compactionBytes live data rewritten at most before each commit; 0 rewrites nothing */
    CommitsBetweenWrites(MVStore store, Duration interval, int compactionBytes, Runnable beforeEachCommit) {
        if (store.getAutoCommitDelay() != 0 || store.getAutoCommitMemory() != 0) {
            throw new IllegalArgumentException("the MVStore must not commit on its own: open it with auto-commit disabled");
        }
        this.store = store;
        this.compactionBytes = compactionBytes;
        this.beforeEachCommit = beforeEachCommit;
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-commit");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        committer.scheduleWithFixedDelay(this::commitSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    <T> T run(String command, Supplier<T> handling) {
        if (READS.contains(command.toLowerCase(Locale.ROOT))) {
            return handling.get();
        }
        lock.readLock().lock();
        try {
            return handling.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What the timer runs; tests call it to commit at a point of their choosing. */
    void commit() {
        compactSparseChunks();
        lock.writeLock().lock();
        try {
            if (!store.isClosed()) {
                beforeEachCommit.run();
                store.commit();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void compactSparseChunks() {
        if (compactionBytes > 0 && !store.isClosed()) {
            store.compact(H2FileCompaction.TARGET_FILL_RATE, compactionBytes);
        }
    }

    private void commitSafely() {
        try {
            commit();
        } catch (RuntimeException e) {
            // the next round tries again; what was not stored stays in memory until then
            log.error("Could not commit the embedded MongoDB's changes to its file", e);
        }
    }

    /**
     * Stops the timer and waits for a commit under way (its compaction takes no lock), then runs
     * {@code closing} once no write command is under way, and lets none start.
     */
    void closeBetweenWrites(Runnable closing) {
        committer.shutdown();
        try {
            committer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.writeLock().lock();
        try {
            closing.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
