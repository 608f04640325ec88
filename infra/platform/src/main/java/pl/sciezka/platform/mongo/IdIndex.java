package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The {@code _id} index of an H2 collection. A string id needs no index: the collection's data map is
 * keyed by it, and the key is the document's position, so the data map answers. Only ids of other types
 * (numbers, which MongoDB matches across types, ObjectIds, documents) are kept in an index map of their
 * own, named after the library's with {@link #NON_STRING_IDS} added.
 * <p>
 * The library's index kept every id in an MVStore map whose keys are not comparable: each lookup and each
 * insert Java-serialised both keys for every comparison of its binary search, which was two fifths of
 * the embedded server's CPU in a projection rebuild (the upserts of new documents), and at each commit
 * the changed index pages were Java-serialised again. A file from before holds that map; opening it
 * takes over its other ids ({@link #takeOver}) and the backend removes it.
 */
final class IdIndex extends AbstractUniqueIndex<Object> {

    static final String NON_STRING_IDS = ".non-string";

    private final MVMap<KeyValue, Object> nonStringIds;
    private final MVMap<Object, Document> documents;

    IdIndex(String name, List<IndexKey> keys, MVMap<KeyValue, Object> nonStringIds, MVMap<Object, Document> documents) {
        super(name, keys, false);
        this.nonStringIds = nonStringIds;
        this.documents = documents;
    }

    /**
     * Keeps the ids that are not strings from the library's index of the same documents; if that index
     * does not hold exactly one entry per document (a crash of a version before commits between writes
     * could leave it so), from the documents themselves.
     */
    void takeOver(MVMap<KeyValue, Object> libraryIndex) {
        if (libraryIndex.sizeAsLong() == documents.sizeAsLong()) {
            libraryIndex.forEach((key, position) -> {
                if (stringId(key) == null) {
                    nonStringIds.put(key, position);
                }
            });
            return;
        }
        nonStringIds.clear();
        documents.forEach((position, document) -> {
            if (!(position instanceof String)) {
                getKeyValues(RawDocuments.expanded(document)).forEach(key -> nonStringIds.put(key, position));
            }
        });
    }

    /** The id of a key that is one string, which is then also the document's key in the data map; else null. */
    private static String stringId(KeyValue key) {
        return key.size() == 1 && key.get(0) instanceof String id ? id : null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        String id = stringId(key);
        if (id != null) {
            return documents.containsKey(id) ? id : null;
        }
        return nonStringIds.get(key);
    }

    @Override
    protected boolean containsKey(KeyValue key) {
        return getPosition(key) != null;
    }

    /**
     * The library's {@code add} checks the key again first; the collection checked it before the insert,
     * under the same lock. A string id is in the data map by now, which is all its index is.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue key : getKeyValues(document)) {
            if (!putKeyPosition(key, position)) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return stringId(key) != null || nonStringIds.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    /** Asked while the document is still in the data map, which the collection removes it from next. */
    @Override
    protected Object removeDocument(KeyValue key) {
        return stringId(key) != null ? getPosition(key) : nonStringIds.remove(key);
    }

    /** Every id with its position, as a query by a regular expression on {@code _id} reads them. */
    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return () -> Stream.concat(documents.keySet().stream().filter(String.class::isInstance).map(IdIndex::entryOf),
                nonStringIds.entrySet().stream()).iterator();
    }

    private static Entry<KeyValue, Object> entryOf(Object stringId) {
        return new SimpleImmutableEntry<>(new KeyValue(stringId), stringId);
    }

    /** One id per document. */
    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
