package pl.sciezka.query.projection;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.List;
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
 * a collection's writes as one ordered bulk write.
 */
final class BulkWrites {

    private static final int DUPLICATE_KEY = 11000;

    record Write(String collection, WriteModel<Document> model) {
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
     * Writes in order. Two segments may upsert the same shared document at once and one of them gets a
     * duplicate key: the document exists now, so that write is made again as an update and the rest go on.
     */
    void write(String collection, List<WriteModel<Document>> models) {
        MongoCollection<Document> target = mongo.getCollection(collection);
        int from = 0;
        while (from < models.size()) {
            List<WriteModel<Document>> rest = models.subList(from, models.size());
            try {
                target.bulkWrite(rest, new BulkWriteOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException failed) {
                BulkWriteError first = failed.getWriteErrors().isEmpty() ? null : failed.getWriteErrors().get(0);
                if (first == null || first.getCode() != DUPLICATE_KEY
                        || !(rest.get(first.getIndex()) instanceof UpdateOneModel<Document> raced)
                        || !raced.getOptions().isUpsert()) {
                    throw failed;
                }
                target.updateOne(raced.getFilter(), raced.getUpdate(), raced.getOptions());
                from += first.getIndex() + 1;
            }
        }
    }
}
