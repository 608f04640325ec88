package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import pl.sciezka.platform.mongo.EmbeddedMongoServer;

/**
 * {@value TestMongo#VARIABLE} moves an application a test starts onto that MongoDB, into a database
 * of its data directory's own. A second wire server stands in for the real MongoDB here.
 */
class TestMongoSwitchTest {

    @Test
    void theVariableSendsReadModelsAndTokensToThatMongoDb() throws Exception {
        MongoServer external = new MongoServer(new MemoryBackend());
        external.bind("127.0.0.1", 0);
        InetSocketAddress address = external.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        Path dataDir = Files.createTempDirectory("sciezka-test-mongo");
        try (MongoClient client = MongoClients.create(uri);
             ConfigurableApplicationContext context = new SpringApplication(SciezkaApplication.class).run(
                     "--server.port=0",
                     "--sciezka.data-dir=" + dataDir,
                     "--" + TestMongo.VARIABLE + "=" + uri)) {
            assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
            ApiClient api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
            String caseId = api.openCase("anna", "Nowak");
            Eventually.within(Duration.ofSeconds(15), () -> api.get("anna", "/api/cases/" + caseId).expect(200));

            var database = client.getDatabase(TestMongo.databaseFor(dataDir));
            assertThat(database.listCollectionNames()).contains("tracking_tokens");
            assertThat(database.getCollection("tracking_tokens").countDocuments()).isPositive();
        } finally {
            external.shutdownNow();
        }
    }
}
