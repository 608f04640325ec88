package pl.sciezka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default as it runs, on a random port with its own data directory: the real HTTP
 * stack, H2 event store and embedded MongoDB wire server. Subclasses share one application, which
 * also runs the test-only projections ({@link PeopleProjection}, {@link PoisonProjection} with its
 * dead-letter queue), so tests that need one start no second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"axon.eventhandling.processors." + PoisonProjection.NAME + ".dlq.enabled=true",
                "axon.eventhandling.processors." + PoisonProjection.NAME + ".dlq.cache.enabled=true"})
@Import({PeopleProjection.class, PoisonProjection.class})
abstract class EmbeddedApplicationTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("sciezka-test");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("sciezka.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    long eventsOfCase(String caseId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
    }
}
