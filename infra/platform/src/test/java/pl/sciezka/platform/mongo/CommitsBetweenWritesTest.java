package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.sciezka.platform.scheduling.BackgroundPriority;

/**
 * A crash of the embedded server (its store closed without a last commit, as a SIGKILL leaves it) keeps
 * the file whole: every collection's indexes hold exactly its documents, round after round of writers
 * inserting, re-keying and deleting while commits, and the compaction before each, come every few
 * milliseconds. The compaction keeps the file near its data.
 */
class CommitsBetweenWritesTest {

    private static final int ROUNDS = 8;
    private static final int WRITERS = 4;

    @Test
    void aCrashLeavesEveryIndexHoldingExactlyItsCollectionsDocuments(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("read-models.mv");
        long written = 0;
        for (int round = 0; round < ROUNDS; round++) {
            written += writeUntilCrash(file);
            assertThat(indexSizesAgainstDocuments(file)).as("after crash %d", round + 1)
                    .allSatisfy((map, sizes) -> assertThat(sizes.get(0)).as(map).isEqualTo(sizes.get(1)));
        }
        assertThat(indexSizesAgainstDocuments(file)).as("the unique index on key and the _id index").hasSize(2);
        // that the writers wrote at all, not how fast: a busy machine may give them little of the 200 ms
        assertThat(written).as("writes acknowledged before the crashes").isGreaterThan(ROUNDS * WRITERS);
    }

    @Test
    void refusesAStoreThatCommitsOnItsOwn(@TempDir Path directory) {
        MVStore committingOnItsOwn = MVStore.open(directory.resolve("plain.mv").toString());
        try {
            assertThatThrownBy(() -> new CommitsBetweenWrites(committingOnItsOwn, Duration.ofSeconds(1), () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto-commit");
        } finally {
            committingOnItsOwn.close();
        }
    }

    /** The event file is made durable first, while no write is under way, so the file never runs ahead of it. */
    @Test
    void runsItsHookBeforeEachCommitWhileNoWriteIsUnderWay(@TempDir Path directory) throws Exception {
        MVStore store = IdFirstH2Backend.openStore(directory.resolve("hooked.mv"));
        MVMap<String, String> map = store.openMap("views");
        List<String> seen = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean();
        CommitsBetweenWrites commits = new CommitsBetweenWrites(store, Duration.ofHours(1), 0,
                () -> seen.add((writing.get() ? "during a write" : "between writes") + ", "
                        + (store.hasUnsavedChanges() ? "before the commit" : "after it")));
        Thread writer = new Thread(() -> commits.run("update", () -> {
            writing.set(true);
            map.put("view", "of an event");
            sleep(300);
            writing.set(false);
            return null;
        }));
        writer.start();
        while (!writing.get()) {
            Thread.onSpinWait();
        }
        commits.commit();
        writer.join();
        commits.closeBetweenWrites(store::close);
        assertThat(seen).containsExactly("between writes, before the commit");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void keepsTheFileNearItsDataWhileDocumentsChange(@TempDir Path directory) throws Exception {
        long without = fileAfterChanges(directory.resolve("plain.mv"), 0);
        long with = fileAfterChanges(directory.resolve("compacted.mv"), CommitsBetweenWrites.COMPACTION_BYTES);
        assertThat(with).as("file with compaction (%d KB) against without (%d KB)", with >> 10, without >> 10)
                .isLessThan(without / 2);
    }

    /**
     * What a projection writes, committed after every 50 writes: an entry appended under a random id to a
     * collection that only grows (a timeline) and one of a few documents changed every time (its tracking
     * tokens). Returns the file's size.
     */
    private static long fileAfterChanges(Path file, int compactionBytes) throws Exception {
        MVStore store = IdFirstH2Backend.openStore(file);
        // chunks freed are written over at once instead of 45 s later, so the outcome does not depend on the clock
        store.setRetentionTime(0);
        CommitsBetweenWrites commits = new CommitsBetweenWrites(store, Duration.ofHours(1), compactionBytes, () -> { });
        MVMap<String, String> history = store.openMap("history");
        MVMap<Integer, Long> tokens = store.openMap("tokens");
        java.util.Random random = new java.util.Random(7);
        for (long i = 0; i < 40_000; i++) {
            long position = i;
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            commits.run("update", () -> {
                history.put(id, "entry " + position + " " + "x".repeat(200));
                return tokens.put((int) (position % 10), position);
            });
            if (i % 50 == 49) {
                commits.commit();
            }
        }
        commits.closeBetweenWrites(store::close);
        return java.nio.file.Files.size(file);
    }

    /** Writers run until the store is closed under them; returns how many writes were acknowledged. */
    private static long writeUntilCrash(Path file) throws Exception {
        MVStore store = IdFirstH2Backend.openStore(file);
        // chunks may be rewritten at once, so that the compaction before each commit runs beside the writers
        store.setRetentionTime(0);
        IdFirstH2Backend backend = new IdFirstH2Backend(store, BackgroundPriority.OFF, Duration.ofMillis(3));
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        AtomicBoolean crashed = new AtomicBoolean();
        long[] acknowledged = new long[WRITERS];
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> cells = client.getDatabase("test").getCollection("cells");
            cells.createIndex(new Document("key", 1), new IndexOptions().unique(true));
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    while (!crashed.get()) {
                        try {
                            write(cells);
                            acknowledged[writer]++;
                        } catch (RuntimeException refusedOnceClosed) {
                            return;
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            Thread.sleep(200);
            crashed.set(true);
            backend.getMvStore().closeImmediately();
            for (Thread writer : writers) {
                writer.join();
            }
        } finally {
            server.shutdownNow();
        }
        long sum = 0;
        for (long count : acknowledged) {
            sum += count;
        }
        return sum;
    }

    /** An insert, a change of an indexed key, or a delete: each writes the data map and both index maps. */
    private static void write(MongoCollection<Document> cells) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Document any = cells.find().skip(random.nextInt(20)).first();
        int choice = random.nextInt(3);
        if (any == null || choice == 0) {
            cells.insertOne(new Document("_id", new ObjectId()).append("key", UUID.randomUUID().toString()));
        } else if (choice == 1) {
            cells.updateOne(Filters.eq("_id", any.get("_id")), Updates.set("key", UUID.randomUUID().toString()));
        } else {
            cells.deleteOne(Filters.eq("_id", any.get("_id")));
        }
    }

    /** Per index map of the file: its size, and the size of its collection's data map. */
    private static Map<String, List<Long>> indexSizesAgainstDocuments(Path file) {
        Map<String, List<Long>> sizes = new TreeMap<>();
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            for (String name : store.getMapNames()) {
                if (!name.startsWith("databases.")) {
                    continue;
                }
                String namespace = name.substring("databases.".length());
                long documents = store.openMap(name, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new BsonDocuments())).sizeAsLong();
                for (String index : store.getMapNames()) {
                    if (index.startsWith(namespace + "._index_")) {
                        sizes.put(index, List.of(store.openMap(index).sizeAsLong(), documents));
                    }
                }
            }
        } finally {
            store.close();
        }
        return sizes;
    }
}
