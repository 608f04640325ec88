package pl.sciezka.query.projection;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Turns a projection's queries and updates into the driver's write models with Spring Data's own
 * mappers (so the stored documents look exactly as {@link MongoTemplate} would write them), and sends
 * a collection's writes as one ordered bulk write. The writes are typed by {@link BsonDocument}: a whole
 * document replaced is BSON already ({@link ReadModelBson}), and an update's type names nothing it sends.
 */
final class BulkWrites {

    private static final int DUPLICATE_KEY = 11000;

    record Write(String collection, WriteModel<BsonDocument> model) {
    }

    private final MongoTemplate mongo;
    private final QueryMapper queries;
    private final UpdateMapper updates;

    BulkWrites(MongoTemplate mongo) {
        this.mongo = mongo;
        this.queries = new QueryMapper(mongo.getConverter());
        this.updates = new UpdateMapper(mongo.getConverter());
    }

    Bson idFilter(Object id, MongoPersistentEntity<?> entity) {
        return queries.getMappedObject(new Document("_id", id), entity);
    }

    Write update(Query query, Update update, Class<?> type, boolean upsert) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Document filter = queries.getMappedObject(query.getQueryObject(), entity);
        Document change = updates.getMappedObject(update.getUpdateObject(), entity);
        return new Write(entity.getCollection(), new UpdateOneModel<>(filter, change, new UpdateOptions().upsert(upsert)));
    }

    /**
     * The same writes, with each plain {@code $set} of a document by its id merged into the plain
     * {@code $set} of that document before it, unless another write to the document comes between or a
     * field of one is a path inside a field of the other: the documents end as writing them in order
     * would leave them. A shared document that many events of a batch change (a day's decisions) is
     * then updated once per batch instead of once per event; the embedded server copies a document
     * whole on every update, and a busy day's decisions are megabytes.
     */
    static List<WriteModel<BsonDocument>> coalesced(List<WriteModel<BsonDocument>> models) {
        List<WriteModel<BsonDocument>> coalesced = new ArrayList<>(models.size());
        Map<Object, Integer> lastWriteOf = new HashMap<>();
        for (WriteModel<BsonDocument> model : models) {
            Object id = idNamedBy(model);
            Integer last = id == null ? null : lastWriteOf.get(id);
            WriteModel<BsonDocument> merged = last == null ? null : mergedSets(coalesced.get(last), model);
            if (merged != null) {
                coalesced.set(last, merged);
                continue;
            }
            if (id == null) {
                lastWriteOf.clear(); // a write not by id may touch any document
            } else {
                lastWriteOf.put(id, coalesced.size());
            }
            coalesced.add(model);
        }
        return coalesced;
    }

    /** The {@code _id} value a write's filter names (alone or among other conditions), else null. */
    private static Object idNamedBy(WriteModel<BsonDocument> model) {
        Bson filter = model instanceof UpdateOneModel<BsonDocument> update ? update.getFilter()
                : model instanceof ReplaceOneModel<BsonDocument> replace ? replace.getFilter() : null;
        Object id = filter instanceof Document document ? document.get("_id") : null;
        return id instanceof Document ? null : id;
    }

    /** One update doing both plain sets, or null if they are not both plain sets of exactly one id. */
    private static WriteModel<BsonDocument> mergedSets(WriteModel<BsonDocument> first, WriteModel<BsonDocument> second) {
        Document firstSets = plainSets(first);
        Document secondSets = plainSets(second);
        if (firstSets == null || secondSets == null) {
            return null;
        }
        UpdateOneModel<BsonDocument> earlier = (UpdateOneModel<BsonDocument>) first;
        UpdateOneModel<BsonDocument> later = (UpdateOneModel<BsonDocument>) second;
        if (earlier.getOptions().isUpsert() != later.getOptions().isUpsert()) {
            return null;
        }
        Document sets = new Document(firstSets);
        for (Map.Entry<String, Object> set : secondSets.entrySet()) {
            if (!sets.containsKey(set.getKey()) && overlapsAny(set.getKey(), sets.keySet())) {
                return null;
            }
            sets.put(set.getKey(), set.getValue());
        }
        return new UpdateOneModel<>(earlier.getFilter(), new Document("$set", sets), earlier.getOptions());
    }

    /** The fields a write sets, if it is an update whose filter is {@code {_id: x}} alone and that only sets. */
    private static Document plainSets(WriteModel<BsonDocument> model) {
        if (model instanceof UpdateOneModel<BsonDocument> update && update.getFilter() instanceof Document filter
                && filter.size() == 1 && update.getUpdate() instanceof Document change && change.size() == 1
                && change.get("$set") instanceof Document sets) {
            return sets;
        }
        return null;
    }

    private static boolean overlapsAny(String path, Iterable<String> paths) {
        for (String other : paths) {
            if (path.startsWith(other + ".") || other.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes in order. Two segments may upsert the same shared document at once and one of them gets a
     * duplicate key: the document exists now, so that write is made again as an update and the rest go on.
     */
    void write(String collection, List<WriteModel<BsonDocument>> models) {
        MongoCollection<BsonDocument> target = mongo.getCollection(collection).withDocumentClass(BsonDocument.class);
        int from = 0;
        while (from < models.size()) {
            List<WriteModel<BsonDocument>> rest = models.subList(from, models.size());
            try {
                target.bulkWrite(rest, new BulkWriteOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException failed) {
                BulkWriteError first = failed.getWriteErrors().isEmpty() ? null : failed.getWriteErrors().get(0);
                if (first == null || first.getCode() != DUPLICATE_KEY
                        || !(rest.get(first.getIndex()) instanceof UpdateOneModel<BsonDocument> raced)
                        || !raced.getOptions().isUpsert()) {
                    throw failed;
                }
                target.updateOne(raced.getFilter(), raced.getUpdate(), raced.getOptions());
                from += first.getIndex() + 1;
            }
        }
    }
}
