package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of {@link IdFirstH2Backend}: a query that names one {@code _id} beside other conditions goes
 * through the {@code _id} index, an update by a string id is applied by {@link CopyOnWriteUpdate} where it
 * can be, a whole document upserted by a string id not stored yet is inserted as it came, and no running data
 * size is kept.
 * <p>
 * A whole replacement or an insert by a string id that the server kept as its BSON ({@link RawDocuments}) is stored
 * as those bytes, where nothing but the {@code _id} index has to read it; the data map also reads its documents back
 * from the file as their bytes. Whatever the library asks for is read into a document first ({@link #getDocument}).
 */
final class IdFirstCollection extends H2Collection {

    private final MVMap<Object, Document> data;

    IdFirstCollection(MongoDatabase database, String name, CollectionOptions options,
                      MVMap<Object, Document> data, MVMap<String, Object> meta,
                      CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
    }

    @Override
    protected Document getDocument(Object position) {
        return RawDocuments.expanded(data.get(position));
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(RawDocuments.expanded(entry.getValue()), entry.getKey()));
    }

    /** As the library's, but through {@link #getDocument}'s reading. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(data.values().stream().map(RawDocuments::expanded), query, orderBy,
                numberToSkip, limit, batchSize, fieldSelector);
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
     * An update that names its documents by string ids, the one document of {@code {_id: x, ...}} (other
     * conditions beside the id, such as a cohort cell's token guard, checked on the stored document) or
     * every document of {@code {_id: {$in: [...]}}}, is applied by {@link CopyOnWriteUpdate} where every
     * document's update can be, and a whole document upserted by a string id not stored yet is inserted
     * ({@link #copiedOnWrite}); anything else, including an upsert with operators of a document not stored
     * yet or not matching, by the library, before anything is changed here.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        Document replaced = replacedAsSent(selector, update, arrayFilters, isMulti, isUpsert);
        if (replaced != null) {
            return replaced;
        }
        update = RawDocuments.expanded(update);
        List<Document[]> changes = arrayFilters.isEmpty() ? copiedOnWrite(selector, update, isMulti, isUpsert) : null;
        if (changes == null || changes.isEmpty()) {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        }
        if (changes.get(0)[0] == null) { // the one change of an upsert of a document not stored yet
            Document inserted = changes.get(0)[1];
            addDocument(inserted);
            oplog.handleInsert(getFullName(), List.of(inserted));
            return new Document("upserted", inserted.get(getIdField())).append("n", 0).append("nModified", 0);
        }
        List<Object> modified = new ArrayList<>();
        List<Index<Object>> others = indexesBesidesTheId();
        for (Document[] change : changes) {
            Document stored = change[0];
            Document updated = change[1];
            if (updated != stored) {
                Object id = stored.get(getIdField());
                for (Index<Object> index : others) {
                    index.checkUpdate(stored, updated, this);
                }
                for (Index<Object> index : others) {
                    index.updateInPlace(stored, updated, id, this);
                }
                handleUpdate(id, stored, updated);
                modified.add(id);
            }
        }
        oplog.handleUpdate(getFullName(), selector, update, modified);
        return new Document("n", changes.size()).append("nModified", modified.size());
    }

    /**
     * A whole replacement of the document {@code {_id: x}} by a string id, kept as the bytes it came as: stored as
     * they are, if they start with that id ({@link RawDocuments#stringId}) and the collection has no index but the
     * {@code _id} one ({@link #onlyTheIdIndex}). Changed if the bytes differ from what is stored (a real MongoDB too
     * compares the stored bytes); upserted if nothing is stored. Null if the library's way must take it (an update
     * not kept as bytes among them): the result it answers with otherwise.
     */
    private Document replacedAsSent(Document selector, Document asSent, ArrayFilters arrayFilters, boolean isMulti,
                                    boolean isUpsert) {
        byte[] replacement = RawDocuments.bson(asSent);
        if (replacement == null || isMulti || !arrayFilters.isEmpty() || selector.size() != 1
                || !(selector.get(getIdField()) instanceof String id) || !id.equals(RawDocuments.stringId(replacement))
                || !onlyTheIdIndex()) {
            return null;
        }
        Document stored = data.get(id);
        if (stored == null) {
            if (!isUpsert) {
                return null;
            }
            data.put(id, asSent);
            return new Document("upserted", id).append("n", 0).append("nModified", 0);
        }
        byte[] storedBson = RawDocuments.bson(stored);
        boolean unchanged = storedBson != null ? Arrays.equals(storedBson, replacement)
                : stored.equals(RawDocuments.expanded(asSent));
        if (!unchanged) {
            handleUpdate(id, stored, asSent);
        }
        return new Document("n", 1).append("nModified", unchanged ? 0 : 1);
    }

    /** A string id's index is the data map itself ({@link IdIndex}): with no other, nothing has to read a document to store it. */
    private boolean onlyTheIdIndex() {
        return indexesBesidesTheId().isEmpty();
    }

    /**
     * The indexes a change of a stored document has to keep up, the {@code _id} one not among them: every change made
     * here keeps the id ({@link CopyOnWriteUpdate} takes no path on it, a replacement names the stored one). Asking
     * the {@code _id} index to check each change compared the id of the stored document with the changed one's, a
     * sixth of the server's work in a rebuild (docs/BENCHMARKS.md, thirtieth round).
     */
    private List<Index<Object>> indexesBesidesTheId() {
        List<Index<Object>> indexes = getIndexes();
        if (indexes.size() == 1 && indexes.get(0) instanceof IdIndex) {
            return List.of();
        }
        return indexes.stream().filter(index -> !(index instanceof IdIndex)).toList();
    }

    /**
     * As the library inserts, document by document (after an error, the next only if unordered), but a document
     * kept as its bytes with a string id first ({@link RawDocuments}) is stored as those bytes where it can be: the
     * collection has only the {@code _id} index, and nothing is stored under that id yet (else the library's
     * insert answers as it does).
     */
    @Override
    public synchronized List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        List<Document> writeErrors = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                insert(documents.get(i));
            } catch (MongoServerError refused) {
                writeErrors.add(writeError(refused, i));
                if (isOrdered) {
                    break;
                }
            }
        }
        return writeErrors;
    }

    private void insert(Document document) {
        byte[] bson = RawDocuments.bson(document);
        String id = bson == null ? null : RawDocuments.stringId(bson);
        if (id != null && onlyTheIdIndex() && !data.containsKey(id)) {
            data.put(id, document);
        } else {
            addDocument(RawDocuments.expanded(document));
        }
    }

    /** The library's answer for a document it refused ({@code AbstractMongoCollection}'s, which is private). */
    private static Document writeError(MongoServerError refused, int index) {
        Document error = new Document("index", index);
        error.put("errmsg", refused.getMessageWithoutErrorCode());
        error.put("code", refused.getCode());
        error.putIfNotNull("codeName", refused.getCodeName());
        return error;
    }

    /**
     * Each stored document the selector names with its update applied, or null if the library must do it
     * (for one document: not stored or not matching; for any: an update this class does not take). A whole
     * document upserted by its id alone and not stored yet, as a projection writes a case's documents the
     * first time (every document of a rebuild), is the one change {@code {null, document}}: the library would
     * look the id up a second time, make the document from the selector and deep-copy the replacement into
     * it, a quarter of the server's CPU in a rebuild.
     */
    private List<Document[]> copiedOnWrite(Document selector, Document update, boolean isMulti, boolean isUpsert) {
        List<String> ids = isMulti ? idsIn(selector) : oneStringId(selector);
        if (ids == null || isMulti && update.keySet().stream().anyMatch(field -> !field.startsWith("$"))) {
            return null;
        }
        List<Document[]> changes = new ArrayList<>(ids.size());
        for (String id : ids) {
            Document stored = getDocument(id);
            if (stored == null && isMulti) {
                continue;
            }
            if (stored == null) {
                Document inserted = isUpsert && selector.size() == 1 && CopyOnWriteUpdate.isReplacement(update)
                        ? CopyOnWriteUpdate.withId(id, update, getIdField()) : null;
                return inserted == null ? null : List.<Document[]>of(new Document[] {null, inserted});
            }
            if (selector.size() > 1 && !documentMatchesQuery(stored, selector)) {
                return null;
            }
            Document updated = CopyOnWriteUpdate.apply(stored, update, getIdField());
            if (updated == null) {
                return null;
            }
            changes.add(new Document[] {stored, updated});
        }
        return changes;
    }

    private List<String> oneStringId(Document selector) {
        return selector.get(getIdField()) instanceof String id ? List.of(id) : null;
    }

    /** The distinct string ids of {@code {_id: {$in: [...]}}} and nothing else, else null. */
    private List<String> idsIn(Document selector) {
        if (selector.size() == 1 && selector.get(getIdField()) instanceof Document condition && condition.size() == 1
                && condition.get("$in") instanceof Collection<?> ids
                && ids.stream().allMatch(String.class::isInstance)) {
            return ids.stream().map(String.class::cast).distinct().toList();
        }
        return null;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
