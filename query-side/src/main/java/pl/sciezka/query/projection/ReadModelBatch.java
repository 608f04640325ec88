package pl.sciezka.query.projection;

import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.BsonDocument;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What the projections of one unit of work (a processor's batch of up to a hundred events) have read
 * and changed, written at the end of the batch as one bulk write per collection. Every event is a step:
 * when its handler completes, its changes join the batch; when it throws (and the dead-letter queue
 * parks the event), its changes are thrown away, so the batch writes that case as of the event before.
 */
final class ReadModelBatch {

    private static final String RESOURCE = ReadModelBatch.class.getName();

    private record Key(String collection, Object id, String path) {
    }

    private final MongoTemplate mongo;
    private final MongoConverter converter;
    private final BulkWrites bulk;
    private final DocumentCopies copies;
    private final ReadModelBson bson;
    private final Map<Key, HeldDocument> documents = new LinkedHashMap<>();
    private final Map<Key, HeldField> fields = new LinkedHashMap<>();
    private final List<BulkWrites.Write> updates = new ArrayList<>();
    private final Set<HeldDocument> documentsInThisEvent = new HashSet<>();
    private final Set<HeldField> fieldsInThisEvent = new HashSet<>();
    /**
     * Each type's mapping, asked of Spring Data once per batch: it answers through two caches, one keyed by the
     * type's {@code ResolvableType}, whose lookups at every find and save were 2–3 % of a rebuild's pass.
     */
    private final Map<Class<?>, MongoPersistentEntity<?>> entities = new HashMap<>();
    /** The collections whose documents this batch has read ahead. */
    private final Set<String> readAhead = new HashSet<>();
    private int updatesBeforeThisEvent;

    private ReadModelBatch(MongoTemplate mongo) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
        this.bulk = new BulkWrites(mongo);
        this.copies = new DocumentCopies(converter);
        this.bson = ReadModelBson.of(mongo);
    }

    /** This unit of work's batch, made on first use; null outside a unit of work (then writes go straight through). */
    static ReadModelBatch ofCurrentUnitOfWork(MongoTemplate mongo) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ReadModelBatch batch = new ReadModelBatch(mongo);
            // a unit of work with no flushing interceptor (a dead-letter retry has one; a test's may not)
            // still writes before it commits; a batch that was flushed has nothing left to write here
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    /** The batch of the current unit of work if a projection has used one, else null. */
    static ReadModelBatch existing() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
    }

    private MongoPersistentEntity<?> entity(Class<?> type) {
        return entities.computeIfAbsent(type, converter.getMappingContext()::getRequiredPersistentEntity);
    }

    <T> T find(Class<T> type, Object id) {
        MongoPersistentEntity<?> entity = entity(type);
        Key key = new Key(entity.getCollection(), id, null);
        if (!documents.containsKey(key)) {
            readAheadForTheBatch(type, entity, id);
        }
        HeldDocument held = documents.computeIfAbsent(key, absent -> {
            Document loaded = mongo.getCollection(absent.collection()).find(bulk.idFilter(id, entity)).first();
            Object committed = loaded == null ? null : converter.read(type, loaded);
            return new HeldDocument(type, absent.collection(), committed, copies.copy(committed));
        });
        if (held.stale) {
            held.current = copies.copy(held.committed);
            held.stale = false;
        }
        documentsInThisEvent.add(held);
        return type.cast(held.current);
    }

    /**
     * When a handler asks for the document keyed by the id of the aggregate whose event it handles (a case's
     * file, timeline or outcome), reads that collection's documents of every aggregate of the same type in
     * the batch at once ({@link BatchAggregates}) instead of one query per case: the round trips were a
     * fifth of the projections' CPU while they caught up with commands. Each is copied when first asked for.
     */
    private void readAheadForTheBatch(Class<?> type, MongoPersistentEntity<?> entity, Object id) {
        if (!id.equals(BatchAggregates.ofTheCurrentEvent()) || entity.getIdProperty() == null
                || entity.getIdProperty().getType() != String.class || !readAhead.add(entity.getCollection())) {
            return;
        }
        hold(type, entity, BatchAggregates.ofTheCurrentBatch());
    }

    /** At the batch's first call for the type, reads its documents with these ids at once ({@link ReadModelWriter#readAhead}). */
    void readAhead(Class<?> type, Supplier<List<String>> ids) {
        MongoPersistentEntity<?> entity = entity(type);
        if (readAhead.add(entity.getCollection())) {
            hold(type, entity, ids.get());
        }
    }

    /** Holds what is stored under these ids (and that nothing is, for the others), each copied when first asked for. */
    private void hold(Class<?> type, MongoPersistentEntity<?> entity, List<String> ids) {
        List<String> notHeld = ids.stream().distinct()
                .filter(other -> !documents.containsKey(new Key(entity.getCollection(), other, null))).toList();
        Map<Object, Object> stored = new HashMap<>();
        BatchAggregates.stored(mongo, type, notHeld)
                .forEach(document -> stored.put(entity.getIdentifierAccessor(document).getIdentifier(), document));
        for (String other : notHeld) {
            HeldDocument held = new HeldDocument(type, entity.getCollection(), stored.get(other), null);
            held.stale = true; // copied from what is stored when a handler first asks for it
            documents.put(new Key(entity.getCollection(), other, null), held);
        }
    }

    void save(Object document) {
        MongoPersistentEntity<?> entity = entity(document.getClass());
        Object id = entity.getIdentifierAccessor(document).getRequiredIdentifier();
        HeldDocument held = documents.computeIfAbsent(new Key(entity.getCollection(), id, null),
                key -> new HeldDocument(document.getClass(), key.collection(), null, null));
        held.current = document;
        held.stale = false;
        held.savedInThisEvent = true;
        documentsInThisEvent.add(held);
    }

    <D, V> V findField(Class<D> type, Object id, String path, Function<D, V> value) {
        MongoPersistentEntity<?> entity = entity(type);
        HeldField held = fields.computeIfAbsent(new Key(entity.getCollection(), id, path),
                key -> new HeldField(ReadModelWriter.readField(mongo, type, id, path, value)));
        fieldsInThisEvent.add(held);
        @SuppressWarnings("unchecked")
        V current = (V) held.current;
        return current;
    }

    void setField(Class<?> type, Object id, String path, Object value) {
        MongoPersistentEntity<?> entity = entity(type);
        HeldField held = fields.computeIfAbsent(new Key(entity.getCollection(), id, path), key -> new HeldField(null));
        held.current = value;
        fieldsInThisEvent.add(held);
        update(Query.query(Criteria.where("_id").is(id)),
                new Update().set(path, value), type, false);
    }

    void update(Query query, Update update, Class<?> type, boolean upsert) {
        updates.add(bulk.update(query, update, type, upsert));
    }

    /** A write already in the driver's BSON, made in its turn with the batch's other updates. */
    void add(BulkWrites.Write write) {
        updates.add(write);
    }

    void beginEvent() {
        documentsInThisEvent.clear();
        fieldsInThisEvent.clear();
        updatesBeforeThisEvent = updates.size();
    }

    /** The event's handler completed: what it saved becomes what the batch writes. */
    void completeEvent() {
        for (HeldDocument held : documentsInThisEvent) {
            if (held.savedInThisEvent) {
                held.committed = copies.copy(held.current);
                held.unwritten = true;
                held.savedInThisEvent = false;
            }
        }
        fieldsInThisEvent.forEach(held -> held.committed = held.current);
        beginEvent();
    }

    /** The event's handler threw: forget whatever it changed, including objects it changed and did not save. */
    void abandonEvent() {
        for (HeldDocument held : documentsInThisEvent) {
            held.current = null;
            held.stale = true;
            held.savedInThisEvent = false;
        }
        fieldsInThisEvent.forEach(held -> held.current = held.committed);
        updates.subList(updatesBeforeThisEvent, updates.size()).clear();
        beginEvent();
    }

    /**
     * Writes what completed events changed: the updates in the order they were made, then the whole
     * documents. The order is what makes a failed flush safe to repeat: a projection's whole document
     * holds the version that tells a redelivered event to skip, so it must land after the shared
     * documents the same event updates, never before (ReadModelBatchTest's failed-write test). A reader
     * between two bulk writes may therefore see a shared document ahead of a whole one.
     */
    void flush() {
        Map<String, List<WriteModel<BsonDocument>>> byCollection = new LinkedHashMap<>();
        for (BulkWrites.Write write : updates) {
            byCollection.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(write.model());
        }
        List<HeldDocument> written = new ArrayList<>();
        for (HeldDocument held : documents.values()) {
            if (held.unwritten) {
                byCollection.computeIfAbsent(held.collection, c -> new ArrayList<>()).add(bson.upsert(held.committed));
                written.add(held);
            }
        }
        byCollection.forEach((collection, models) -> bulk.write(collection, BulkWrites.coalesced(models)));
        updates.clear();
        updatesBeforeThisEvent = 0;
        written.forEach(held -> held.unwritten = false);
    }
}
