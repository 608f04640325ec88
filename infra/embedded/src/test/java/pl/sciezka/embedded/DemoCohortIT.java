package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Starts the packaged application with the demo flag, as a newcomer would, reads the cohort view the
 * loaded families produce, then restarts it with the flag still set and finds nothing added. A
 * process of its own: the demo needs an empty store, which the shared test application never has.
 */
class DemoCohortIT {

    private static final String[] DEMO = {"--sciezka.demo.families=12", "--sciezka.demo.seed=7"};

    @Test
    void demoCohortFillsCohortViewWithGroupsThatDifferAndLoadsOnlyOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-demo");
        try (RunningApplication app = new RunningApplication(dataDir)) {
            app.start(DEMO);
            Eventually.within(Duration.ofSeconds(300), () ->
                    assertThat(log(app)).contains("Demo cohort loaded: 12 families"));
            ApiClient api = new ApiClient(app.port());
            JsonNode cohorts = Eventually.get(Duration.ofSeconds(60), () -> {
                JsonNode view = cohorts(api);
                assertThat(group(view, "POVERTY").get("families").asInt()).isEqualTo(12);
                assertThat(group(view, "POVERTY").get("measured").asInt()).isGreaterThan(5);
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
        try (RunningApplication again = new RunningApplication(dataDir)) {
            again.start(DEMO);
            Eventually.within(Duration.ofSeconds(60), () ->
                    assertThat(log(again)).contains("Demo cohort skipped: the event store already holds"));
            assertThat(group(cohorts(new ApiClient(again.port())), "POVERTY").get("families").asInt()).isEqualTo(12);
        }
    }

    private static JsonNode cohorts(ApiClient api) {
        return api.get("celina", "/api/outcomes/cohorts?groupBy=PROBLEM_AREA&horizon=FOLLOW_UP_12M").expect(200).json();
    }

    private static String log(RunningApplication app) {
        try {
            return Files.readString(app.log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
