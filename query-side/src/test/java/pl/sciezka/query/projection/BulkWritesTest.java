package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.query.TestMongoDatabase;

/**
 * Merging plain sets of one document ({@link BulkWrites#coalesced}) leaves the documents exactly as
 * writing every update in order does, for random mixes of sets, nested paths, other operators,
 * guarded filters, replacements and writes not by id, on a real wire server.
 */
class BulkWritesTest {

    private static final List<String> IDS = List.of("day-1", "day-2", "day-3");
    private static final List<String> PATHS = List.of("a", "a.x", "a.y", "b", "c", "c.z");

    private final TestMongoDatabase database = new TestMongoDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void plainSetsOfOneDocumentBecomeOneWrite() {
        List<WriteModel<BsonDocument>> sets = IntStream.range(0, 50)
                .mapToObj(i -> set("day-1", "decisions.e" + i, i, true)).toList();

        List<WriteModel<BsonDocument>> coalesced = BulkWrites.coalesced(sets);

        assertThat(coalesced).hasSize(1);
        assertThat(applied(coalesced, "merged")).isEqualTo(applied(sets, "in_order"));
        assertThat(applied(coalesced, "merged").get(0).get("decisions", Document.class)).hasSize(50);
    }

    @Test
    void aWriteBetweenOrAPathInsideAnotherKeepsTheSetsApart() {
        List<WriteModel<BsonDocument>> writes = List.of(
                set("day-1", "a", new Document("x", 1), true),
                set("day-1", "a.x", 2, true),
                new UpdateOneModel<>(new Document("_id", "day-2"), new Document("$inc", new Document("n", 1)),
                        new UpdateOptions().upsert(true)),
                set("day-2", "b", 3, true),
                new UpdateOneModel<>(new Document("_id", "day-2"), new Document("$inc", new Document("n", 1))),
                set("day-2", "c", 4, true));

        assertThat(BulkWrites.coalesced(writes)).hasSize(writes.size());
    }

    @Test
    void mergedWritesLeaveTheDocumentsThatWritingInOrderLeaves() {
        for (int seed = 0; seed < 200; seed++) {
            List<WriteModel<BsonDocument>> writes = randomWrites(new Random(seed));
            String merged = "merged_" + seed;
            String inOrder = "in_order_" + seed;
            assertThat(applied(BulkWrites.coalesced(writes), merged))
                    .as("seed %d", seed)
                    .isEqualTo(applied(writes, inOrder));
        }
    }

    private static List<WriteModel<BsonDocument>> randomWrites(Random random) {
        List<WriteModel<BsonDocument>> writes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = IDS.get(random.nextInt(IDS.size()));
            int value = random.nextInt(10);
            writes.add(switch (random.nextInt(10)) {
                case 0 -> new UpdateOneModel<>(new Document("_id", id), new Document("$inc", new Document("n", value)),
                        new UpdateOptions().upsert(true));
                case 1 -> new ReplaceOneModel<>(new Document("_id", id), new BsonDocument("_id", new BsonString(id)).append("b", new BsonInt32(value)),
                        new ReplaceOptions().upsert(true));
                case 2 -> new UpdateOneModel<>(new Document("_id", id).append("b", new Document("$lt", 5)),
                        new Document("$set", new Document("guarded", value)));
                case 3 -> new UpdateOneModel<>(new Document("b", new Document("$gt", 4)),
                        new Document("$set", new Document("c.z", value)));
                default -> {
                    String path = PATHS.get(random.nextInt(PATHS.size()));
                    // a parent is always set to a document, so every nested set stays valid
                    Object written = path.contains(".") ? value : new Document("x", value);
                    yield set(id, path, path.equals("b") ? value : written, random.nextBoolean());
                }
            });
        }
        return writes;
    }

    private static WriteModel<BsonDocument> set(String id, String path, Object value, boolean upsert) {
        return new UpdateOneModel<>(new Document("_id", id), new Document("$set", new Document(path, value)),
                new UpdateOptions().upsert(upsert));
    }

    private List<Document> applied(List<WriteModel<BsonDocument>> writes, String collectionName) {
        MongoCollection<Document> collection = database.template().getCollection(collectionName);
        collection.withDocumentClass(BsonDocument.class).bulkWrite(writes, new BulkWriteOptions().ordered(true));
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
