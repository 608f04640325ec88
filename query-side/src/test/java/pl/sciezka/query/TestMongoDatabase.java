package pl.sciezka.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
        String real = System.getenv().getOrDefault(VARIABLE, System.getProperty(VARIABLE, ""));
        if (real.isBlank()) {
            server = new MongoServer(new MemoryBackend());
            client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        } else {
            server = null;
            client = MongoClients.create(real);
        }
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
