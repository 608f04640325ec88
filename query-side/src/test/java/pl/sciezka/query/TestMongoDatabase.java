package pl.sciezka.query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB database of a test's own: on the real MongoDB that {@code SCIEZKA_TEST_MONGODB_URI}
 * names (environment variable or system property, as for the application tests), dropped when
 * closed; otherwise on an in-memory wire server started for the test.
 */
public final class TestMongoDatabase implements AutoCloseable {

    private static final String VARIABLE = "SCIEZKA_TEST_MONGODB_URI";

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    public TestMongoDatabase() {
        this(null);
    }

    /** @param commands told of every command the client sends (null: none) */
    public TestMongoDatabase(CommandListener commands) {
        String real = System.getenv().getOrDefault(VARIABLE, System.getProperty(VARIABLE, ""));
        server = real.isBlank() ? new MongoServer(new MemoryBackend()) : null;
        String uri = server == null ? real : "mongodb://127.0.0.1:" + server.bind().getPort();
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
        if (commands != null) {
            settings.addCommandListener(commands);
        }
        client = MongoClients.create(settings.build());
        template = new MongoTemplate(client, "sciezka_test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        template.getDb().drop();
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
