package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.List;
import java.util.Map.Entry;
import org.h2.mvstore.MVMap;

/**
 * The {@code _id} index of an H2 collection, answering "where is the document with this id" for a
 * string id from the collection's own data map, which is keyed by that id. The library's index keeps
 * its keys in an MVStore map whose keys are not comparable, so every lookup Java-serialised both keys
 * for each comparison: about a tenth of all the application's CPU in a projection rebuild. The index
 * map is still kept, written on insert and removal as the library writes it, so the file stays the
 * library's; ids of other types are answered from it, and an insert touches it once instead of three times.
 */
final class IdIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> index;
    private final MVMap<Object, Document> documents;

    IdIndex(String name, List<IndexKey> keys, MVMap<KeyValue, Object> index, MVMap<Object, Document> documents) {
        super(name, keys, false);
        this.index = index;
        this.documents = documents;
    }

    /** The id of a key that is one string, which is then also the document's key in the data map; else null. */
    private static String stringId(KeyValue key) {
        return key.size() == 1 && key.get(0) instanceof String id ? id : null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        String id = stringId(key);
        if (id != null) {
            // the data map's key for a string id is the id, and it is the document's position
            return documents.containsKey(id) ? id : null;
        }
        return index.get(key);
    }

    /**
     * Asked before an insert, under the collection's lock, when the data map holds a string id's document
     * exactly if the index does. While the index is being built from the stored documents it is empty and
     * every document is already in the data map, so then only the index map can answer.
     */
    @Override
    protected boolean containsKey(KeyValue key) {
        String id = stringId(key);
        if (id != null && !index.isEmpty()) {
            return documents.containsKey(id);
        }
        return index.containsKey(key);
    }

    /**
     * The library's {@code add} checks the key again first, which asked the index map a second time; the
     * collection checked it before the insert under the same lock, and {@code putIfAbsent} still refuses
     * a key that another document holds.
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
        return index.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return index.remove(key);
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return index.entrySet();
    }

    @Override
    public long getCount() {
        return index.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
