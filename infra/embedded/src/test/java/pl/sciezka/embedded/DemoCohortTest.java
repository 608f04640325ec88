package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.sciezka.embedded.demo.DemoCohortLoader;
import tools.jackson.databind.JsonNode;

/**
 * Starts the embedded default with the demo flag, as a newcomer would, and reads the cohort view the
 * loaded families produce.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sciezka.demo.families=12", "sciezka.demo.seed=7"})
class DemoCohortTest {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("sciezka-demo").toString();
        registry.add("sciezka.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoCohortLoader loader;

    @Test
    void demoCohortFillsCohortViewWithGroupsThatDiffer() {
        ApiClient api = new ApiClient(port);
        JsonNode cohorts = Eventually.get(Duration.ofSeconds(60), () -> {
            JsonNode view = api.get("celina", "/api/outcomes/cohorts?groupBy=PROBLEM_AREA&horizon=FOLLOW_UP_12M")
                    .expect(200).json();
            JsonNode poverty = group(view, "POVERTY");
            assertThat(poverty.get("families").asInt()).isEqualTo(12);
            assertThat(poverty.get("measured").asInt()).isGreaterThan(5);
            return view;
        });
        List<String> keys = new ArrayList<>();
        Set<Double> rates = new HashSet<>();
        cohorts.get("groups").forEach(group -> {
            keys.add(group.get("key").asString());
            if (group.get("measured").asInt() > 0) {
                rates.add(group.get("cycleBrokenRate").asDouble());
            }
        });
        assertThat(keys).hasSizeGreaterThanOrEqualTo(4);
        assertThat(rates).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void demoCohortLoadsOnlyIntoAnEmptyStore() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(before).isGreaterThan(12 * 20);
        loader.loadIfEmpty();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    private static JsonNode group(JsonNode view, String key) {
        for (JsonNode group : view.get("groups")) {
            if (group.get("key").asString().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + view);
    }
}
