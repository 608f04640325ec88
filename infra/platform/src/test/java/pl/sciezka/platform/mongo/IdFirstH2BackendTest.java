package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.sciezka.platform.scheduling.BackgroundPriority;

/**
 * The embedded server's backend answers every kind of query a read model sends exactly as the library's
 * own H2 backend does (the same operations on both, then every document compared), and opens a file the
 * library's backend wrote. How much faster it is belongs to the rebuild benchmark, not here.
 */
class IdFirstH2BackendTest {

    @Test
    void answersAsTheLibrarysBackendDoes() {
        List<Object> plain = run(new H2Backend(MVStore.open(null)), IdFirstH2BackendTest::operations);
        List<Object> idFirst = run(new IdFirstH2Backend(MVStore.open(null)), IdFirstH2BackendTest::operations);
        assertThat(idFirst).isEqualTo(plain);
        assertThat(idFirst).as("the operations found, changed and refused something").contains(
                "guarded upsert refused: 11000", 1L, 0L);
    }

    @Test
    void opensAFileTheLibrarysBackendWrote(@TempDir Path directory) {
        String file = directory.resolve("read-models.mv").toString();
        run(new H2Backend(MVStore.open(file)), cells -> {
            cells.insertOne(new Document("_id", "a").append("count", 1));
            cells.createIndex(new Document("key", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            return List.of();
        });
        List<Object> reopened = run(new IdFirstH2Backend(IdFirstH2Backend.openStore(Path.of(file)), BackgroundPriority.OFF,
                Duration.ofSeconds(1)), cells -> {
            cells.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.lt("count", 5)), Updates.inc("count", 1));
            Throwable secondWithoutKey = catchThrowable(() -> cells.insertOne(new Document("_id", "b")));
            return List.of(cells.find().into(new ArrayList<>()), secondWithoutKey != null);
        });
        assertThat(reopened.get(0)).isEqualTo(List.of(new Document("_id", "a").append("count", 2)));
        assertThat(reopened.get(1)).as("the unique index on key survived: a second document without one is refused")
                .isEqualTo(true);
    }

    @Test
    void buildsAgainTheIndexesThatACrashLeftWithoutADocument(@TempDir Path directory) {
        String file = directory.resolve("read-models.mv").toString();
        run(new H2Backend(MVStore.open(file)), cells -> {
            cells.createIndex(new Document("key", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 10; i++) {
                cells.insertOne(new Document("key", "k" + i));
            }
            return List.of();
        });
        ObjectId lost = forgetInEveryIndex(file);
        // a condition beside the indexed ones scans the documents, as a token claim does, and finds the lost one
        Bson unclaimed = Filters.exists("owner", false);
        Bson claim = Updates.set("owner", "node-1");
        Throwable plain = catchThrowable(() -> run(new H2Backend(MVStore.open(file)),
                cells -> List.of(cells.updateMany(unclaimed, claim))));
        assertThat(plain).as("the library's backend cannot update the document again")
                .hasMessageContaining("Expected one element but got zero");

        List<Object> repaired = run(new IdFirstH2Backend(IdFirstH2Backend.openStore(Path.of(file)), BackgroundPriority.OFF,
                Duration.ofSeconds(1)), cells -> {
            long claimed = cells.updateMany(unclaimed, claim).getModifiedCount();
            Throwable duplicate = catchThrowable(() -> cells.insertOne(new Document("key", "k0")));
            return List.of(claimed, duplicate instanceof com.mongodb.MongoWriteException refused
                    ? refused.getError().getCode() : String.valueOf(duplicate),
                    cells.find(Filters.eq("_id", lost)).first() != null);
        });
        assertThat(repaired).as("all claimed, a duplicate key refused, the lost one found by its id")
                .isEqualTo(List.of(10L, 11000, true));
    }

    @Test
    void refusesAStringIdTwiceAfterBuildingItsIndexAgain(@TempDir Path directory) {
        String file = directory.resolve("read-models.mv").toString();
        run(new H2Backend(MVStore.open(file)), cells -> {
            for (int i = 0; i < 10; i++) {
                cells.insertOne(new Document("_id", "case-" + i));
            }
            return List.of();
        });
        MVStore crashed = MVStore.open(file);
        MVMap<Object, Object> idIndex = crashed.openMap("test.cells._index__id_");
        idIndex.remove(idIndex.firstKey());
        crashed.close();

        List<Object> reopened = run(new IdFirstH2Backend(IdFirstH2Backend.openStore(Path.of(file)), BackgroundPriority.OFF,
                Duration.ofSeconds(1)), cells -> {
            Throwable twice = catchThrowable(() -> cells.insertOne(new Document("_id", "case-0")));
            cells.insertOne(new Document("_id", "case-10"));
            return List.of(twice instanceof com.mongodb.MongoWriteException refused ? refused.getError().getCode()
                    : String.valueOf(twice), cells.countDocuments());
        });
        assertThat(reopened).as("the rebuilt id index refuses an id it holds and takes a new one").isEqualTo(List.of(11000, 11L));
        MVStore store = MVStore.open(file);
        assertThat(store.openMap("test.cells._index__id_").sizeAsLong()).as("one index entry per document").isEqualTo(11L);
        store.close();
    }

    /** What a commit between a document and its index entries left behind: the document, in no index. */
    private static ObjectId forgetInEveryIndex(String file) {
        MVStore store = MVStore.open(file);
        try {
            Object lost = store.openMap("databases.test.cells").firstKey();
            for (String name : store.getMapNames()) {
                if (name.startsWith("test.cells._index_")) {
                    MVMap<Object, Object> index = store.openMap(name);
                    index.entrySet().stream().filter(entry -> entry.getValue().equals(lost)).map(Map.Entry::getKey)
                            .toList().forEach(index::remove);
                }
            }
            return new ObjectId(((de.bwaldvogel.mongo.bson.ObjectId) lost).toByteArray());
        } finally {
            store.close();
        }
    }

    /** Updates guarded by a token or a version, an $or beside the id, an id alone, ranges and $in. */
    private static List<Object> operations(MongoCollection<Document> cells) {
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cells.insertOne(new Document("_id", "cell-" + i).append("count", i).append("applying", List.of()));
        }
        // as Spring Data sends it: the id beside the other conditions, not under $and
        Bson notYet = new Document("_id", "cell-7").append("applying", new Document("$ne", "t1"));
        Bson add = Updates.combine(Updates.inc("count", 10), Updates.addToSet("applying", "t1"));
        seen.add(cells.updateOne(notYet, add, new UpdateOptions().upsert(true)).getModifiedCount());
        Throwable again = catchThrowable(() -> cells.updateOne(notYet, add, new UpdateOptions().upsert(true)));
        seen.add(again instanceof com.mongodb.MongoWriteException refused
                ? "guarded upsert refused: " + refused.getError().getCode() : "not refused: " + again);
        Bson newCell = new Document("_id", "cell-new").append("applying", new Document("$ne", "t1"));
        seen.add(cells.updateOne(newCell, add, new UpdateOptions().upsert(true)).getUpsertedId() != null);
        seen.add(cells.updateOne(Filters.and(Filters.eq("_id", "cell-3"), Filters.lt("count", 2)),
                Updates.set("count", 99)).getMatchedCount());
        seen.add(cells.updateOne(Filters.and(Filters.eq("_id", "cell-3"), Filters.or(
                Filters.exists("version", false), Filters.lt("version", 4))), Updates.set("version", 4)).getModifiedCount());
        seen.add(cells.updateOne(Filters.and(Filters.eq("_id", "cell-3"), Filters.or(
                Filters.exists("version", false), Filters.lt("version", 4))), Updates.set("version", 4)).getMatchedCount());
        seen.add(cells.countDocuments(Filters.and(Filters.eq("_id", "cell-9"), Filters.eq("count", 9))));
        seen.add(cells.deleteOne(Filters.and(Filters.eq("_id", "cell-11"), Filters.eq("count", 12))).getDeletedCount());
        seen.add(cells.deleteOne(Filters.and(Filters.eq("_id", "cell-11"), Filters.eq("count", 11))).getDeletedCount());
        seen.add(cells.updateMany(Filters.in("_id", List.of("cell-7", "cell-new")), Updates.pull("applying", "t1"))
                .getModifiedCount());
        seen.add(cells.find(Filters.and(Filters.gte("_id", "cell-2"), Filters.lt("_id", "cell-3"))).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>()));
        seen.add(cells.find(Filters.and(Filters.eq("_id", "cell-12"), Filters.eq("count", 12)))
                .projection(new Document("count", 1)).into(new ArrayList<>()));
        Throwable twice = catchThrowable(() -> cells.insertOne(new Document("_id", "cell-1")));
        seen.add(twice instanceof com.mongodb.MongoWriteException refused ? refused.getError().getCode() : twice);
        seen.add(cells.deleteOne(Filters.eq("_id", "cell-2")).getDeletedCount());
        cells.insertOne(new Document("_id", "cell-2").append("count", -2));
        // ids that are not strings, numbers equal across types as MongoDB compares them, and generated ones
        cells.insertOne(new Document("_id", 5).append("count", 5));
        seen.add(cells.updateOne(Filters.eq("_id", 5L), Updates.inc("count", 1)).getModifiedCount());
        Throwable sameNumber = catchThrowable(() -> cells.insertOne(new Document("_id", 5.0)));
        seen.add(sameNumber instanceof com.mongodb.MongoWriteException refused ? refused.getError().getCode() : sameNumber);
        cells.insertOne(new Document("count", 77));
        seen.add(cells.find(Filters.eq("count", 77)).projection(new Document("_id", 0)).into(new ArrayList<>()));
        seen.add(cells.find(Filters.ne("_id", "none")).sort(Sorts.ascending("count")).projection(new Document("_id", 0))
                .into(new ArrayList<>()));
        seen.add(cells.find(Filters.type("_id", "string")).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        return seen;
    }

    private static List<Object> run(MongoBackend backend, Function<MongoCollection<Document>, List<Object>> operations) {
        MongoServer server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
                return operations.apply(client.getDatabase("test").getCollection("cells"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
