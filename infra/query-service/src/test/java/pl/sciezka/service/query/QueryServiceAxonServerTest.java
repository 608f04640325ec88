package pl.sciezka.service.query;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import pl.sciezka.platform.security.jwt.TokenMinter;

/**
 * Axon Server cannot be run here, so this checks what can be: with profile {@code axonserver} the
 * query-side service assembles with Axon Server as event store and query bus, tokens in MongoDB
 * beside the read models, no JDBC, and nothing of the command side. The projections run as
 * subscribing processors in this test only: a streaming processor asks the event store for its first
 * token when it starts, and there is no server here to answer.
 */
class QueryServiceAxonServerTest {

    @Test
    void assemblesWithAxonServerAndMongoButNoCommandHandling() throws Exception {
        // a real MongoDB when SCIEZKA_TEST_MONGODB_URI names one, as for every Mongo-touching test
        String real = System.getenv().getOrDefault("SCIEZKA_TEST_MONGODB_URI",
                System.getProperty("SCIEZKA_TEST_MONGODB_URI", ""));
        MongoServer mongo = real.isBlank() ? new MongoServer(new MemoryBackend()) : null;
        String uri = mongo == null ? real : "mongodb://127.0.0.1:" + mongo.bind().getPort();
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setAdditionalProfiles("axonserver");
        Path publicKey = Files.writeString(Files.createTempFile("jwt", ".pub"),
                TokenMinter.publicKeyPem(TokenMinter.newRsaKeyPair().getPublic()));
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--axon.axonserver.servers=127.0.0.1:1",
                "--spring.mongodb.uri=" + uri, "--spring.mongodb.database=sciezka_test_query_service",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey));
        List<String> processors = everyProcessorOf("sciezka-projections.yml");
        assertThat(processors).contains("case-file", "caseload", "timeline");
        processors.forEach(name ->
                arguments.add("--axon.eventhandling.processors." + name + ".mode=subscribing"));
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType))
                    .noneMatch(type -> type != null && type.getPackageName().startsWith("pl.sciezka.command"));
        } finally {
            if (mongo != null) {
                mongo.shutdownNow();
            }
        }
    }

    /** The processors the service declares, so each new projection is covered without editing this test. */
    private static List<String> everyProcessorOf(String resource) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(resource));
        String prefix = "axon.eventhandling.processors.";
        return yaml.getObject().stringPropertyNames().stream()
                .filter(key -> key.startsWith(prefix) && key.endsWith(".mode"))
                .map(key -> key.substring(prefix.length(), key.length() - ".mode".length()))
                .distinct().toList();
    }
}
