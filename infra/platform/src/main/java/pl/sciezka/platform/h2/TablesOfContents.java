package pl.sciezka.platform.h2;

import java.lang.reflect.Field;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.cache.CacheLongKeyLIRS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache of MVStore's chunk tables of contents (where in its chunk each page lies), which H2 2.5 sizes at
 * 1 MB and takes no setting for. Removing a map, as dropping a collection does, looks up the table of every
 * page of the map that is not in memory. The cache is cut into 16 segments, and a table larger than a segment
 * (64 KB, a chunk of 8,000 pages, which a commit of five seconds of a rebuild's writes makes) is never kept,
 * so it was read from the file again for each of the map's pages in that chunk: a projection rebuild's reset
 * of the read models of 300,000 events took 2 to 4 s, where it takes a tenth of a second with 16 MB (segments
 * of 1 MB, tables of up to 130,000 pages, some two million pages in all).
 */
public final class TablesOfContents {

    public static final long CACHE_BYTES = 16L << 20;

    private static final Logger log = LoggerFactory.getLogger(TablesOfContents.class);

    private TablesOfContents() {
    }

    /** Gives the store's cache of tables of contents {@link #CACHE_BYTES}; a store without a file is left as it is. */
    public static void cacheMore(MVStore store) {
        CacheLongKeyLIRS<?> cache = cacheOf(store);
        if (cache != null) {
            cache.setMaxMemory(CACHE_BYTES);
        }
    }

    /** The store's cache of tables of contents, or null if it has no file or H2 keeps them elsewhere now. */
    static CacheLongKeyLIRS<?> cacheOf(MVStore store) {
        FileStore<?> file = store.getFileStore();
        if (file == null) {
            return null;
        }
        try {
            Field field = FileStore.class.getDeclaredField("chunksToC");
            field.setAccessible(true);
            return (CacheLongKeyLIRS<?>) field.get(file);
        } catch (ReflectiveOperationException | RuntimeException otherVersion) {
            log.warn("H2's cache of chunk tables of contents was not found ({}); it stays at H2's size", otherVersion.toString());
            return null;
        }
    }
}
