package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Collection;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * A collection of {@link IdFirstH2Backend}: a query that names one {@code _id} beside other conditions goes
 * through the {@code _id} index, an update by a string id is applied by {@link CopyOnWriteUpdate} where it
 * can be, and no running data size is kept.
 */
final class IdFirstCollection extends H2Collection {

    IdFirstCollection(MongoDatabase database, String name, CollectionOptions options,
                      MVMap<Object, Document> data, MVMap<String, Object> meta,
                      CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Object id = idOf(query);
        if (id != null) {
            Document byId = new Document(getIdField(), id);
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
                            batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The one id a query with more than the id asks for, beside its other conditions
     * ({@code {_id: x, ...}}, as Spring Data sends it, or {@code {$and: [{_id: x}, ...]}}), else null.
     */
    private Object idOf(Document query) {
        if (query.size() > 1 && isOneValue(query.get(getIdField()))) {
            return query.get(getIdField());
        }
        if (query.size() == 1 && query.get("$and") instanceof List<?> all) {
            for (Object condition : all) {
                if (condition instanceof Document one && one.size() == 1 && isOneValue(one.get(getIdField()))) {
                    return one.get(getIdField());
                }
            }
        }
        return null;
    }

    private static boolean isOneValue(Object id) {
        return id != null && !(id instanceof Document) && !(id instanceof Collection<?>)
                && !BsonRegularExpression.isRegularExpression(id);
    }

    /**
     * An update of the one document stored under a string id ({@code {_id: x}}) that is a whole
     * replacement or only sets and unsets fields, as the projections write, is applied by
     * {@link CopyOnWriteUpdate}; anything else, including an upsert of a document not stored yet, by
     * the library.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        Object id = selector.size() == 1 ? selector.get(getIdField()) : null;
        Document stored = id instanceof String && !isMulti && arrayFilters.isEmpty() ? getDocument(id) : null;
        Document updated = stored == null ? null : CopyOnWriteUpdate.apply(stored, update, getIdField());
        if (updated == null) {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        }
        boolean modified = updated != stored;
        if (modified) {
            for (Index<Object> index : getIndexes()) {
                index.checkUpdate(stored, updated, this);
            }
            for (Index<Object> index : getIndexes()) {
                index.updateInPlace(stored, updated, id, this);
            }
            handleUpdate(id, stored, updated);
        }
        oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(id) : List.of());
        return new Document("n", 1).append("nModified", modified ? 1 : 0);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
