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
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's backend answers every kind of query a read model sends exactly as the library's
 * own H2 backend does (the same operations on both, then every document compared); its file is
 * {@link IdFirstH2BackendFilesTest}'s. How much faster it is belongs to the rebuild benchmark, not here.
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

    /**
     * A whole document replaced or upserted by its string id, as a projection writes it, or inserted with one, is
     * stored as the bytes the driver sent; one the library's way takes (no id of its own first, or a collection with
     * another index) as a document. Either reads back as sent, a replacement with the same bytes changes nothing, and
     * an insert of an id stored already is refused as ever.
     */
    @Test
    void storesAWholeReplacementAsTheBytesItCameAs() {
        MVStore store = MVStore.open(null);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        Document file = new Document("_id", "case-1").append("members", List.of(new Document("role", "mother")))
                .append("cost", new Decimal128(new BigDecimal("12.50")));
        List<Object> seen = run(new IdFirstH2Backend(store), cells -> {
            List<Object> results = new ArrayList<>();
            results.add(cells.replaceOne(Filters.eq("_id", "case-1"), file, upsert).getUpsertedId() != null);
            results.add(cells.replaceOne(Filters.eq("_id", "case-1"), file, upsert).getModifiedCount());
            results.add(cells.replaceOne(Filters.eq("_id", "case-1"), new Document(file).append("version", 2), upsert)
                    .getModifiedCount());
            results.add(cells.replaceOne(Filters.eq("_id", "case-2"), new Document("n", 2), upsert).getUpsertedId() != null);
            Throwable twice = catchThrowable(() -> cells.insertMany(List.of(new Document("_id", "case-4").append("n", 4),
                    new Document("_id", "case-1"), new Document("_id", "case-5")), new InsertManyOptions().ordered(false)));
            results.add(twice instanceof MongoBulkWriteException refused
                    ? refused.getWriteErrors().stream().map(error -> error.getIndex() + ":" + error.getCode()).toList() : twice);
            cells.createIndex(new Document("n", 1));
            results.add(cells.replaceOne(Filters.eq("_id", "case-3"), new Document("_id", "case-3").append("n", 3), upsert)
                    .getUpsertedId() != null);
            results.add(cells.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap("databases.test.cells");
            List.of("case-1", "case-2", "case-3", "case-4").forEach(id -> results.add(RawDocuments.bson(data.get(id))));
            return results;
        });

        assertThat(seen.subList(0, 6)).isEqualTo(List.of(true, 0L, 1L, true, List.of("1:11000"), true));
        assertThat((byte[]) seen.get(7)).as("stored as the driver sent it")
                .isEqualTo(bson(new Document(file).append("version", 2)));
        assertThat(seen.get(8)).as("no id of its own: stored as a document").isNull();
        assertThat(seen.get(9)).as("another index to keep: stored as a document").isNull();
        assertThat((byte[]) seen.get(10)).as("inserted as sent").isEqualTo(bson(new Document("_id", "case-4").append("n", 4)));
        assertThat(seen.get(6)).isEqualTo(List.of(new Document(file).append("version", 2),
                new Document("_id", "case-2").append("n", 2), new Document("_id", "case-3").append("n", 3),
                new Document("_id", "case-4").append("n", 4), new Document("_id", "case-5")));
    }

    private static byte[] bson(Document document) {
        org.bson.ByteBuf encoded = new org.bson.RawBsonDocument(document, new org.bson.codecs.DocumentCodec()).getByteBuffer();
        byte[] bson = new byte[encoded.remaining()];
        encoded.get(bson);
        return bson;
    }

    private static long errors(ListAppender<ILoggingEvent> logged) {
        return logged.list.stream().filter(event -> event.getLevel() == Level.ERROR).count();
    }

    static Object code(Throwable refused) {
        return refused instanceof com.mongodb.MongoWriteException write ? write.getError().getCode() : String.valueOf(refused);
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
        // whole documents upserted under ids not stored yet, as a rebuild writes every document: with their own id,
        // with another (refused), twice in one bulk write (inserted, then replaced), and guarded by more than the id
        seen.add(cells.replaceOne(Filters.eq("_id", "new-1"), new Document("_id", "new-1").append("members",
                List.of(new Document("role", "son"))), upsert).getUpsertedId());
        seen.add(code(catchThrowable(() -> cells.replaceOne(Filters.eq("_id", "new-2"),
                new Document("_id", "other").append("count", 2), upsert))));
        BulkWriteResult insertedThenReplaced = cells.bulkWrite(List.of(
                new ReplaceOneModel<>(Filters.eq("_id", "new-3"), new Document("count", 3), upsert),
                new ReplaceOneModel<>(Filters.eq("_id", "new-3"), new Document("count", 4).append("extra", true), upsert)));
        seen.add(List.of(insertedThenReplaced.getInsertedCount(), insertedThenReplaced.getMatchedCount(),
                insertedThenReplaced.getModifiedCount(),
                insertedThenReplaced.getUpserts().stream().map(upserted -> upserted.getIndex() + ":" + upserted.getId()).toList()));
        seen.add(cells.replaceOne(new Document("_id", "new-4").append("version", new Document("$lt", 3)),
                new Document("version", 2), upsert).getUpsertedId());
        seen.add(cells.find(Filters.regex("_id", "^new-")).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
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
        // a cohort cell's increments as CohortCellStore sends them: guarded by the tokens (refused where the cell
        // holds one), numbers of each kind added (an int past its range), fields made, tokens added once, taken
        // out by $in over the cells (an id twice, one missing), and an increment of an array (refused)
        UpdateOptions upsertCell = new UpdateOptions().upsert(true);
        Document increment = new Document("$setOnInsert", new Document("key", "k"))
                .append("$inc", new Document("figures.families", 1).append("count", Integer.MAX_VALUE)
                        .append("figures.incomeSum", new Decimal128(new BigDecimal("2.50"))))
                .append("$addToSet", new Document("applying", new Document("$each", List.of("t2", "t3"))));
        Bson guarded = new Document("_id", "cell-13").append("applying", new Document("$nin", List.of("t2", "t3")));
        seen.add(cells.updateOne(guarded, increment, upsertCell).getModifiedCount());
        seen.add(code(catchThrowable(() -> cells.updateOne(guarded, increment, upsertCell))));
        seen.add(cells.bulkWrite(List.of(new UpdateOneModel<>(new Document("_id", "cell-14")
                        .append("applying", new Document("$nin", List.of("t2"))), increment, upsertCell),
                new UpdateOneModel<>(Filters.eq("_id", "cell-15"), new Document("$pullAll", new Document("applying", List.of("t9"))))),
                new BulkWriteOptions().ordered(false)).getModifiedCount());
        UpdateResult released = cells.updateMany(Filters.in("_id", List.of("cell-13", "cell-14", "cell-none", "cell-13")),
                new Document("$pullAll", new Document("applying", List.of("t2", "t3"))));
        seen.add(List.of(released.getMatchedCount(), released.getModifiedCount()));
        seen.add(code(catchThrowable(() -> cells.updateOne(Filters.eq("_id", "cell-16"), Updates.inc("applying", 1)))));
        seen.add(cells.find(Filters.in("_id", List.of("cell-13", "cell-14", "cell-15", "cell-16"))).sort(Sorts.ascending("_id"))
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
        // fields set by id under a unique index besides the id's: a key taken (refused), a new key (found by it), a
        // whole replacement taking a key
        cells.createIndex(new Document("key", 1), new IndexOptions().unique(true).sparse(true));
        cells.insertOne(new Document("_id", "keyed-1").append("key", "k1"));
        cells.insertOne(new Document("_id", "keyed-2").append("key", "k2"));
        seen.add(code(catchThrowable(() -> cells.updateOne(Filters.eq("_id", "keyed-2"), Updates.set("key", "k1")))));
        seen.add(cells.updateOne(Filters.eq("_id", "keyed-2"), Updates.set("key", "k3")).getModifiedCount());
        seen.add(code(catchThrowable(() -> cells.replaceOne(Filters.eq("_id", "keyed-1"),
                new Document("_id", "keyed-1").append("key", "k3")))));
        seen.add(cells.find(Filters.in("key", List.of("k1", "k2", "k3"))).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        return seen;
    }

    /**
     * The library's backend behind the library's server; this one behind the embedded default's own ({@link WireServer}),
     * whose requests keep whole replacements as their BSON for this backend to store as they came.
     */
    static List<Object> run(MongoBackend backend, Function<MongoCollection<Document>, List<Object>> operations) {
        if (backend instanceof IdFirstH2Backend) {
            try (WireServer server = new WireServer(backend, new InetSocketAddress("127.0.0.1", 0))) {
                return withClient(server.address(), operations);
            }
        }
        MongoServer server = new MongoServer(backend);
        try {
            return withClient(server.bind(), operations);
        } finally {
            server.shutdownNow();
        }
    }

    private static List<Object> withClient(InetSocketAddress address, Function<MongoCollection<Document>, List<Object>> operations) {
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            return operations.apply(client.getDatabase("test").getCollection("cells"));
        }
    }
}
