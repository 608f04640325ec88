package pl.sciezka.platform.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropping a map whose chunk holds more pages than H2's own cache of tables of contents takes one table:
 * without the larger cache, the table was read from the file again for each of the map's pages.
 */
class TablesOfContentsTest {

    @TempDir
    Path directory;

    @Test
    void droppingAMapReadsItsChunksTableOfContentsOnce() throws IOException {
        Path file = directory.resolve("documents.mv");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).keysPerPage(4).open()) {
            MVMap<Integer, String> documents = store.openMap("documents");
            for (int i = 0; i < 60_000; i++) {
                documents.put(i, "document " + i);
            }
            store.commit(); // one chunk of some 20,000 pages: a table of 160 KB
        }

        Path copy = Files.copy(file, directory.resolve("copy.mv"));

        int asH2LeavesIt = tableOfContentsHitsDropping(file, store -> { });
        int withTheLargerCache = tableOfContentsHitsDropping(copy, TablesOfContents::cacheMore);

        assertThat(asH2LeavesIt).as("per cent of tables found in H2's own cache").isLessThan(10);
        assertThat(withTheLargerCache).as("per cent of tables found in the larger cache").isGreaterThan(90);
    }

    @Test
    void aStoreWithoutAFileIsLeftAsItIs() {
        try (MVStore store = MVStore.open(null)) {
            TablesOfContents.cacheMore(store);
            assertThat(TablesOfContents.cacheOf(store)).isNull();
        }
    }

    /** Opens the file, drops its map, and answers the hit ratio of the tables of contents, in per cent. */
    private static int tableOfContentsHitsDropping(Path file, Consumer<MVStore> tuning) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            tuning.accept(store);
            store.removeMap(store.openMap("documents"));
            return store.getFileStore().getTocCacheHitRatio();
        }
    }
}
