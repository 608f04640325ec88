package pl.sciezka.platform.mongo;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.sciezka.platform.scheduling.BackgroundPriority;

/**
 * The MongoDB wire-protocol server in this JVM, on a free loopback port ({@link WireServer}), keeping its data
 * in an H2 MVStore file so read models and tracking tokens survive a restart ({@link IdFirstH2Backend}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final WireServer server;
    private final InetSocketAddress address;

    /**
     * @param workers          the priority of the server's worker threads
     * @param beforeEachCommit run before each commit of the file, while no write is under way
     *                         ({@link pl.sciezka.platform.eventstore.EventFileFlush})
     */
    public EmbeddedMongoServer(Path dataFile, BackgroundPriority workers, Runnable beforeEachCommit) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory for " + dataFile, e);
        }
        this.server = new WireServer(new IdFirstH2Backend(IdFirstH2Backend.openStore(dataFile), workers,
                CommitsBetweenWrites.DEFAULT_INTERVAL, beforeEachCommit), new InetSocketAddress("127.0.0.1", 0));
        this.address = server.address();
        log.info("Embedded MongoDB wire server on {} with data in {}", address, dataFile);
    }

    public ConnectionString connectionString() {
        return new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    /** Closes the listener and then the backend, which writes the MVStore's last changes. */
    @Override
    public void close() {
        server.close();
    }
}
