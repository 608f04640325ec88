package pl.sciezka.platform.h2;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2 file paths behind the prefix {@code newest-chunk:} (as in {@code jdbc:h2:newest-chunk:./data/events}):
 * the database's files as on disk, but the store file written through a {@link NewestChunkChannel}, so that
 * its header always names the newest chunk. Without it, H2 2.5.252 loses acknowledged commits on SIGKILL
 * (see that class). {@link #register()} must run before the first connection opens such a URL.
 */
public final class NewestChunkFilePath extends FilePathWrapper {

    public static final String SCHEME = "newest-chunk";

    private static final NewestChunkFilePath INSTANCE = new NewestChunkFilePath();

    /** Makes the prefix known to H2; calling it again changes nothing. */
    public static void register() {
        FilePath.register(INSTANCE);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel file = super.open(mode);
        // the store file is the only one with chunks: the database's .mv.db, or an MVStore's own file
        return name.endsWith(".mv.db") || name.endsWith(".mv") ? new NewestChunkChannel(file) : file;
    }
}
