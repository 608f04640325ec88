package pl.sciezka.query.projection;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How projections read and write their documents. Inside a processor's batch a document is read once
 * and later events see the changed copy; writes wait until the batch's last event and then go as one
 * bulk write per collection, before the segment's token is stored ({@link FlushAtEndOfBatch}). Outside
 * a unit of work (a test calling a projection directly) every call goes straight to MongoDB.
 *
 * <p>Rules: {@link #find}/{@link #save} only for documents that one event sequence (one case) owns
 * whole; a document that several sequences write goes field by field ({@link #updateFirst},
 * {@link #upsert}, {@link #setField}), never replaced whole, since another segment or instance may be
 * writing it at the same time. Save what you change: an object changed and not saved may or may not
 * be written. A record inside a document is a value: replace it, never change a collection it holds
 * (the batch keeps a copy of each document after every event, and copies share records).
 */
@Component
public class ReadModelWriter {

    private final MongoTemplate mongo;
    private final MapEntryWrites entries;
    private final BulkWrites bulk;

    public ReadModelWriter(MongoTemplate mongo) {
        this.mongo = mongo;
        this.entries = new MapEntryWrites(mongo.getConverter());
        this.bulk = new BulkWrites(mongo);
    }

    /** The document with this id, or null if there is none. */
    public <T> T find(Class<T> type, Object id) {
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        return batch == null ? mongo.findById(id, type) : batch.find(type, id);
    }

    /**
     * Inside a batch, reads the documents of this type stored under the ids with one query, at the batch's first
     * call for the type ({@code ids} is asked only then), so that the batch's {@link #find}s of them need no round
     * trip each; outside a batch, nothing. For documents keyed by something other than the event's case (a case's
     * own documents are read ahead for the whole batch at its first find).
     */
    public void readAhead(Class<?> type, Supplier<List<String>> ids) {
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        if (batch != null) {
            batch.readAhead(type, ids);
        }
    }

    /** Replaces (or creates) the whole document, by its id. */
    public void save(Object document) {
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        if (batch == null) {
            mongo.save(document);
        } else {
            batch.save(document);
        }
    }

    /** Changes the first document the query matches, if any; applied in the order made. */
    public void updateFirst(Query query, Update update, Class<?> type) {
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        if (batch == null) {
            mongo.updateFirst(query, update, type);
        } else {
            batch.update(query, update, type, false);
        }
    }

    /** Changes the document the query matches, creating it if there is none; applied in the order made. */
    public void upsert(Query query, Update update, Class<?> type) {
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        if (batch != null) {
            batch.update(query, update, type, true);
            return;
        }
        try {
            mongo.upsert(query, update, type);
        } catch (DuplicateKeyException createdByAnotherSegment) {
            mongo.updateFirst(query, update, type);
        }
    }

    /**
     * Sets one entry of a document's map field ({@code decisions.<eventId>}), creating the document if there is
     * none; as {@link #upsert} does, but made without Spring Data's mappers, which cannot resolve a map's key
     * ({@link MapEntryWrites}).
     */
    public void upsertEntry(Class<?> type, String id, String mapProperty, String key, Object value) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        BulkWrites.Write write = new BulkWrites.Write(entity.getCollection(), new UpdateOneModel<>(bulk.idFilter(id, entity),
                entries.set(type, mapProperty, Map.of(key, value)), new UpdateOptions().upsert(true)));
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        if (batch != null) {
            batch.add(write);
        } else {
            // an upsert raced by another segment's is made again as an update
            bulk.write(write.collection(), List.of(write.model()));
        }
    }

    /**
     * One field of a shared document, read once per batch ({@code value} picks it out of the document
     * read with only that field); null if the document or the field is absent. Later events in the batch
     * see what {@link #setField} set. Only for a field that one sequence alone writes, with an immutable value.
     */
    public <D, V> V findField(Class<D> type, Object id, String path, Function<D, V> value) {
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        return batch == null ? readField(mongo, type, id, path, value) : batch.findField(type, id, path, value);
    }

    /** Reads the document with only the one field, straight from MongoDB. */
    static <D, V> V readField(MongoTemplate mongo, Class<D> type, Object id, String path, Function<D, V> value) {
        Query one = Query.query(Criteria.where("_id").is(id));
        one.fields().include(path);
        D found = mongo.findOne(one, type);
        return found == null ? null : value.apply(found);
    }

    /** Sets one field of an existing document ({@code $set}); does nothing if the document is absent. */
    public void setField(Class<?> type, Object id, String path, Object value) {
        ReadModelBatch batch = ReadModelBatch.ofCurrentUnitOfWork(mongo);
        if (batch == null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set(path, value), type);
        } else {
            batch.setField(type, id, path, value);
        }
    }
}
