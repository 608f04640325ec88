package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static pl.sciezka.platform.mongo.IdFirstH2BackendTest.code;
import static pl.sciezka.platform.mongo.IdFirstH2BackendTest.run;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pl.sciezka.platform.scheduling.BackgroundPriority;

/**
 * The embedded server's file: one the library's backend wrote opens (its documents read, its id index taken
 * over), indexes a crash left apart from their documents are built again, and H2's own tool compacts it.
 */
class IdFirstH2BackendFilesTest {

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
}
