package pl.sciezka.platform.eventstore;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.sciezka.platform.h2.H2Stores;

/**
 * Writes to the H2 event file whatever commits it holds only in memory. H2 makes a commit visible to other
 * connections before it writes it, so a projection can read an event that a SIGKILL at that moment takes
 * away: the command got no answer, which is allowed, but a view built from the event would then show what
 * the store does not hold. The embedded MongoDB runs this before each commit of its file, while no write
 * reaches it, so its file never holds a view of an event that is not in the event file too.
 * Does nothing when the events are not in an H2 file in this JVM.
 */
public final class EventFileFlush implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EventFileFlush.class);

    private final DataSource dataSource;
    private MVStore store;
    private boolean notAnH2File;

    public EventFileFlush(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Called by one thread at a time: the embedded MongoDB's committer. */
    @Override
    public void run() {
        if (notAnH2File) {
            return;
        }
        if (store == null || store.isClosed()) {
            try {
                store = H2Stores.fileStoreBehind(dataSource);
            } catch (SQLException e) {
                // the read models wait for their commit until the events can be made durable first
                throw new IllegalStateException("cannot reach the event store to write its commits first", e);
            }
            if (store == null) {
                notAnH2File = true;
                log.debug("Events are not in an H2 file here; nothing to write before the read models' commits");
                return;
            }
        }
        store.commit();
    }
}
