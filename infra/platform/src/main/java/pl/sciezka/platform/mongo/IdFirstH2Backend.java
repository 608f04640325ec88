package pl.sciezka.platform.mongo;

import static de.bwaldvogel.mongo.backend.Constants.ID_FIELD;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.sciezka.platform.h2.NewestChunkFilePath;
import pl.sciezka.platform.h2.TablesOfContents;
import pl.sciezka.platform.scheduling.BackgroundPriority;

/**
 * The embedded server's H2 backend with these changes that matter for read models and nothing else:
 * <ul>
 * <li>A query that names one {@code _id} and more (an update guarded by a version or a token,
 * {@code {_id: x, applying: {$ne: t}}}, or the same under {@code $and}) looks the document up through
 * the {@code _id} index and then matches the whole query, as MongoDB does. The library uses an index
 * only when the query names exactly its fields, so such a query scanned the whole collection: its cost
 * grew with the collection.</li>
 * <li>The {@code _id} index finds a document with a string id in the collection's data map, and keeps
 * only ids of other types in a map of its own ({@link IdIndex}).</li>
 * <li>A document stored under a string id and replaced whole, with fields set and unset, or with a cohort
 * cell's guarded increments and releases, is changed without the library's copies of the whole document
 * ({@link CopyOnWriteUpdate}, through {@link IdFirstCollection}); one upserted whole under a string id not
 * stored yet is inserted as it came.</li>
 * <li>A drop of a collection that does not exist answers ok, without the library's logged error.</li>
 * <li>Collections do not keep a running data size: it is read only by {@code collStats}, which nothing
 * here asks for, and keeping it encoded the whole document to BSON twice on every update.</li>
 * <li>Documents are stored as BSON ({@link BsonDocuments}) instead of Java-serialised; those the library
 * wrote are still read.</li>
 * <li>The store is committed only between write commands ({@link CommitsBetweenWrites}), so a crash
 * leaves no document without its index entries; an index that a crash of an older version left apart
 * from its documents is built again on opening.</li>
 * </ul>
 * Its worker threads can run at a lower priority ({@link BackgroundPriority}): in the embedded default
 * they serve mostly the projections, which should yield to commands.
 * Files written by the plain {@link H2Backend} open: the maps are named as the library names them, its
 * documents are read as it wrote them, and its {@code _id} indexes are taken over.
 */
final class IdFirstH2Backend extends H2Backend {

    private static final int PAGE_CACHE_MB = 64;

    private static final Logger log = LoggerFactory.getLogger(IdFirstH2Backend.class);

    /** The library's map names ({@code H2Database}'s, not visible outside its package). */
    private static final String DATA_MAPS = "databases.";
    private static final String META_MAPS = "meta.";
    private static final String INDEX_MAPS = "._index_";

    /** Static: H2Backend's constructor opens the stored collections before this backend's fields are set. */
    private static final BsonDocuments DOCUMENTS = new BsonDocuments();

    private final BackgroundPriority workers;
    private final CommitsBetweenWrites commits;

    /** In memory, for tests: there is no file to commit to. */
    IdFirstH2Backend(MVStore store) {
        this(store, BackgroundPriority.OFF, CommitsBetweenWrites.DEFAULT_INTERVAL);
    }

    /** With nothing to do before each commit, for tests of the file alone. */
    IdFirstH2Backend(MVStore store, BackgroundPriority workers, Duration commitInterval) {
        this(store, workers, commitInterval, () -> { });
    }

    /**
     * @param store opened by {@link #openStore}, so that only this backend commits it
     * @param beforeEachCommit see {@link CommitsBetweenWrites}
     */
    IdFirstH2Backend(MVStore store, BackgroundPriority workers, Duration commitInterval, Runnable beforeEachCommit) {
        super(store);
        this.workers = workers;
        this.commits = new CommitsBetweenWrites(store, commitInterval, beforeEachCommit);
    }

    /**
     * The file's store, with MVStore's own commits (by time and by unsaved memory) switched off, written
     * through {@link NewestChunkFilePath} so that a SIGKILL cannot lose its last commits, and a larger cache of
     * its chunks' tables of contents, which a projection's reset reads for every page of what it drops
     * ({@link TablesOfContents}). Its page cache is 64 MB, not MVStore's 16: a page read back from the file has
     * every document in it decoded, a fifth of what the server's workers allocated in a rebuild, and with 64 MB a
     * rebuild took 6–8 % less CPU and allocated as much less per event (docs/BENCHMARKS.md, twenty-sixth round).
     */
    static MVStore openStore(Path file) {
        NewestChunkFilePath.register();
        MVStore store = new MVStore.Builder().fileName(NewestChunkFilePath.SCHEME + ":" + file).cacheSize(PAGE_CACHE_MB)
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        TablesOfContents.cacheMore(store);
        return store;
    }

    /** Every request of today's drivers arrives as a message, on one of the server's worker threads. */
    @Override
    public Document handleMessage(MongoMessage message) {
        workers.applyToCurrentThread();
        return super.handleMessage(message);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return commits.run(command, () -> super.handleCommand(channel, database, command, query));
    }

    /** Only the legacy protocol queries this way; whether one writes is not worth telling apart. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return commits.run("legacy query", () -> super.handleQuery(query));
    }

    /**
     * Refused: the collections store documents as the BSON they came as ({@link RawDocuments}), which the library's
     * oplog would be handed unread. Nothing here asks for change streams.
     */
    @Override
    public void enableOplog() {
        throw new UnsupportedOperationException("the embedded server keeps no oplog");
    }

    @Override
    public void close() {
        commits.closeBetweenWrites(super::close);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * An inner class on purpose: H2Database's constructor opens the stored collections before a subclass
     * field could be set, and the enclosing backend's store is reachable from the start.
     */
    private final class Database extends H2Database {

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        /**
         * A drop of a collection that does not exist answers ok, as MongoDB does since 7.0. The library
         * answers "ns not found", which the driver ignores, after logging it as an error with its stack
         * trace; a projection's reset drops collections a new store, or an older version's, never had.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases,
                                      Oplog oplog) {
            if (command.equalsIgnoreCase("drop") && query.get("drop") instanceof String collection
                    && resolveCollection(collection, false) == null) {
                return new Document("ok", 1.0);
            }
            return super.handleCommand(channel, command, query, databases, oplog);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IdFirstCollection(this, collectionName, options, documentsOf(collectionName),
                    getMvStore().openMap(META_MAPS + getFullCollectionNamespace(collectionName)), cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String indexMap = indexMap(collectionName, indexName);
            if (sparse || keys.size() != 1 || !keys.get(0).getKey().equals(ID_FIELD)) {
                if (!sparse && openingStoredDatabases()) {
                    clearIfApartFromDocuments(getMvStore().openMap(indexMap), collectionName, indexName);
                }
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
            IdIndex index = new IdIndex(indexName, keys, getMvStore().openMap(indexMap + IdIndex.NON_STRING_IDS),
                    documentsOf(collectionName));
            if (getMvStore().hasMap(indexMap)) {
                MVMap<KeyValue, Object> before = getMvStore().openMap(indexMap);
                index.takeOver(before);
                getMvStore().removeMap(before);
            }
            return index;
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMap(collection.getCollectionName(), indexName) + IdIndex.NON_STRING_IDS);
        }

        private String indexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_MAPS + indexName;
        }

        /**
         * H2Backend's constructor opens the databases the file holds, before this backend's own fields are
         * set and before the server takes any command. Later, a {@code createIndex} of an index that exists
         * opens it again while writes may be between a document and its index entries, so the counts are
         * compared only now.
         */
        private boolean openingStoredDatabases() {
            return commits == null;
        }

        /**
         * A unique index that is not sparse has one entry per document. Files that an older version left
         * after a crash may not ({@link CommitsBetweenWrites}): such an index is emptied, and the collection
         * then builds it again from its documents, as it builds any empty index it is given.
         */
        private void clearIfApartFromDocuments(MVMap<KeyValue, Object> index, String collectionName, String indexName) {
            long entries = index.sizeAsLong();
            long documents = documentsOf(collectionName).sizeAsLong();
            if (entries > 0 && entries != documents) {
                log.warn("Index {} of {} held {} entries for {} documents: building it again from the documents",
                        indexName, getFullCollectionNamespace(collectionName), entries, documents);
                index.clear();
            }
        }

        /**
         * The collection's documents by id, stored as BSON: MVStore hands out one map per name, and this is
         * the first place that opens it, so it is the collection's own with that value type.
         */
        private MVMap<Object, Document> documentsOf(String collectionName) {
            return getMvStore().openMap(DATA_MAPS + getFullCollectionNamespace(collectionName),
                    new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
        }
    }
}
