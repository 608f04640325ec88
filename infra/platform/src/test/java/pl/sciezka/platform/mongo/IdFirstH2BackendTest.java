package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
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
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
            cells.insertOne(new Document("_id", "c").append("key", 1));
            cells.createIndex(new Document("key", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            return List.of();
        });
        List<Object> reopened = run(new IdFirstH2Backend(IdFirstH2Backend.openStore(Path.of(file)), BackgroundPriority.OFF,
                Duration.ofSeconds(1)), cells -> {
            cells.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.lt("count", 5)), Updates.inc("count", 1));
            Throwable secondWithoutKey = catchThrowable(() -> cells.insertOne(new Document("_id", "b")));
            return List.of(cells.find().into(new ArrayList<>()), secondWithoutKey != null);
        });
        assertThat(reopened.get(0)).isEqualTo(List.of(new Document("_id", "a").append("count", 2),
                new Document("_id", "c").append("key", 1)));
        assertThat(reopened.get(1)).as("the unique index on key survived: a second document without one is refused")
                .isEqualTo(true);
        List<Object> again = run(new IdFirstH2Backend(IdFirstH2Backend.openStore(Path.of(file)), BackgroundPriority.OFF,
                Duration.ofSeconds(1)), cells -> List.of(cells.find().into(new ArrayList<>())));
        assertThat(again.get(0)).as("read again from the page the update wrote anew, as BSON")
                .isEqualTo(List.of(new Document("_id", "a").append("count", 2), new Document("_id", "c").append("key", 1)));
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

    /**
     * A projection's reset drops collections a new store never had: answered ok, as MongoDB does, where the
     * library's backend logs each as a failed command with its stack trace.
     */
    @Test
    void dropsACollectionThatDoesNotExistWithoutLoggingAFailure() {
        Logger handler = (Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        handler.addAppender(logged);
        try {
            run(new H2Backend(MVStore.open(null)), cells -> {
                cells.drop();
                return List.of();
            });
            long byTheLibrary = errors(logged);
            List<Object> dropped = run(new IdFirstH2Backend(MVStore.open(null)), cells -> {
                cells.drop();
                cells.insertOne(new Document("_id", "a"));
                cells.drop();
                return List.of(cells.countDocuments());
            });

            assertThat(byTheLibrary).as("the library's backend logs the drop of nothing").isEqualTo(1);
            assertThat(errors(logged)).as("no more errors since").isEqualTo(byTheLibrary);
            assertThat(dropped).as("a collection that exists is still dropped").isEqualTo(List.of(0L));
        } finally {
            handler.detachAppender(logged);
        }
    }

    private static long errors(ListAppender<ILoggingEvent> logged) {
        return logged.list.stream().filter(event -> event.getLevel() == Level.ERROR).count();
    }

    /** README's erasure step compacts the file with H2's own tool, which copies pages without reading documents. */
    @Test
    void compactsWithH2sToolAndOpensAfter(@TempDir Path directory) {
        Path file = directory.resolve("read-models.mv");
        run(new IdFirstH2Backend(IdFirstH2Backend.openStore(file), BackgroundPriority.OFF, Duration.ofSeconds(1)), cells -> {
            for (int i = 0; i < 200; i++) {
                cells.insertOne(new Document("_id", "case-" + i).append("name", "erased-" + i));
            }
            cells.updateMany(Filters.exists("name"), Updates.set("name", "[erased]"));
            return List.of();
        });

        org.h2.mvstore.MVStoreTool.compact(file.toString(), false);

        List<Object> reopened = run(new IdFirstH2Backend(IdFirstH2Backend.openStore(file), BackgroundPriority.OFF,
                Duration.ofSeconds(1)), cells -> List.of(cells.countDocuments(Filters.eq("name", "[erased]")),
                cells.find(Filters.eq("_id", "case-7")).first()));
        assertThat(reopened).isEqualTo(List.of(200L, new Document("_id", "case-7").append("name", "[erased]")));
    }

    /**
     * A file the library wrote (or an older Ścieżka, whose id index was the library's) has every id in its
     * index map; opening it keeps only the ids that are not strings, in a map of their own, from that
     * index, or from the documents if a crash left the index apart from them, and removes the old map.
     */
    @ParameterizedTest(name = "a crash had left the index apart from its documents: {0}")
    @ValueSource(booleans = {false, true})
    void takesOverTheLibrarysIdIndex(boolean apartFromDocuments, @TempDir Path directory) {
        String file = directory.resolve("read-models.mv").toString();
        run(new H2Backend(MVStore.open(file)), cells -> {
            for (int i = 0; i < 10; i++) {
                cells.insertOne(new Document("_id", "case-" + i));
            }
            cells.insertOne(new Document("_id", 5));
            cells.insertOne(new Document("_id", new ObjectId()));
            return List.of();
        });
        if (apartFromDocuments) {
            MVStore crashed = MVStore.open(file);
            MVMap<Object, Object> idIndex = crashed.openMap("test.cells._index__id_");
            idIndex.remove(idIndex.firstKey());
            crashed.close();
        }

        List<Object> reopened = run(new IdFirstH2Backend(IdFirstH2Backend.openStore(Path.of(file)), BackgroundPriority.OFF,
                Duration.ofSeconds(1)), cells -> {
            Throwable stringTwice = catchThrowable(() -> cells.insertOne(new Document("_id", "case-0")));
            Throwable numberTwice = catchThrowable(() -> cells.insertOne(new Document("_id", 5.0)));
            cells.insertOne(new Document("_id", "case-10"));
            return List.of(code(stringTwice), code(numberTwice), cells.countDocuments(Filters.eq("_id", 5L)),
                    cells.countDocuments(Filters.regex("_id", "^case-1")), cells.countDocuments());
        });
        assertThat(reopened).as("ids refused twice, found by an equal number and by a pattern, a new one taken")
                .isEqualTo(List.of(11000, 11000, 1L, 2L, 13L));
        MVStore store = MVStore.open(file);
        assertThat(store.hasMap("test.cells._index__id_")).as("the library's id index removed").isFalse();
        assertThat(store.openMap("test.cells._index__id_" + IdIndex.NON_STRING_IDS).sizeAsLong())
                .as("the number and the ObjectId").isEqualTo(2L);
        store.close();
    }

    private static Object code(Throwable refused) {
        return refused instanceof com.mongodb.MongoWriteException write ? write.getError().getCode() : String.valueOf(refused);
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
        // whole documents replacing stored ones by id, as a projection writes them: changed, unchanged, with
        // the id or without it, with another id (refused), not stored yet (upserted), and in one bulk write
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        Document file = new Document("members", List.of(new Document("role", "mother"))).append("version", 3);
        seen.add(cells.replaceOne(Filters.eq("_id", "cell-4"), file, upsert).getModifiedCount());
        seen.add(cells.replaceOne(Filters.eq("_id", "cell-4"), new Document("_id", "cell-4").append("members",
                List.of(new Document("role", "mother"))).append("version", 3), upsert).getModifiedCount());
        seen.add(code(catchThrowable(() -> cells.replaceOne(Filters.eq("_id", "cell-4"), new Document("_id", "other")))));
        seen.add(cells.replaceOne(Filters.eq("_id", "cell-file"), file, upsert).getUpsertedId() != null);
        seen.add(cells.bulkWrite(List.of(new ReplaceOneModel<>(Filters.eq("_id", "cell-5"), new Document("count", 50), upsert),
                new ReplaceOneModel<>(Filters.eq("_id", "cell-5"), new Document("count", 51), upsert),
                new ReplaceOneModel<>(Filters.eq("_id", "cell-6"), new Document("count", 6).append("applying", List.of()),
                        upsert))).getModifiedCount());
        seen.add(cells.find(Filters.in("_id", List.of("cell-4", "cell-5", "cell-6", "cell-file")))
                .sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        // fields set and unset by id, as a caseload's lines are: nested paths made where missing, a value set
        // to what it is, through a value that is not a document (refused), into an array, overlapping paths
        seen.add(cells.updateOne(Filters.eq("_id", "cell-8"), Updates.combine(Updates.set("lines.case-1.family", "A"),
                Updates.set("lines.case-2", new Document("family", "B")), Updates.unset("applying"))).getModifiedCount());
        seen.add(cells.updateOne(Filters.eq("_id", "cell-8"), Updates.combine(Updates.set("lines.case-2.family", "B"),
                Updates.unset("lines.case-9"), Updates.unset("nowhere.deeper"))).getModifiedCount());
        seen.add(code(catchThrowable(() -> cells.updateOne(Filters.eq("_id", "cell-8"), Updates.set("count.deeper", 1)))));
        seen.add(code(catchThrowable(() -> cells.updateOne(Filters.eq("_id", "cell-8"),
                Updates.combine(Updates.set("lines", 1), Updates.unset("lines.case-1"))))));
        seen.add(cells.updateOne(Filters.eq("_id", "cell-10"), Updates.set("applying.0", "t9")).getModifiedCount());
        seen.add(cells.updateOne(Filters.eq("_id", "cell-new-lines"), Updates.set("lines.case-1", "A"),
                new UpdateOptions().upsert(true)).getUpsertedId() != null);
        seen.add(cells.find(Filters.in("_id", List.of("cell-8", "cell-10", "cell-new-lines"))).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>()));
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
