package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.admin.RebuildMarkers;

/**
 * The application stopped between the two writes of a projection's reset: its read model emptied, its
 * tokens where they were, its mark stored. Started again on the same data, it rebuilds that projection,
 * and the read model shows every case again. Without the mark the tokens alone look like no reset at
 * all, and the processor would go on over the emptied read model (the kill-under-load test met this once:
 * two caseloads 49 cases short). A rebuild that ended leaves no mark. As one of the scale-out's query
 * instances, the application takes such a projection over while it runs.
 */
class RebuildCutShortTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aRestartRebuildsAProjectionWhoseResetWasCutShort() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-cut-short");
        String caseload;
        try (ConfigurableApplicationContext before = start(dataDir)) {
            ApiClient api = client(before);
            for (String family : List.of("Nowak", "Kowalska", "Wiśniewski")) {
                api.openCase("anna", family);
            }
            api.awaitProjectionsCaughtUp(PATIENCE);
            caseload = api.get("anna", "/api/caseload").expect(200).body();
            assertThat(caseload).contains("Nowak", "Kowalska", "Wiśniewski");

            before.getBean(RebuildMarkers.class).mark("caseload");
            before.getBean(MongoTemplate.class).dropCollection("caseloads");
            assertThat(api.get("anna", "/api/caseload").expect(200).body()).doesNotContain("Nowak");
        }

        try (ConfigurableApplicationContext after = start(dataDir)) {
            ApiClient api = client(after);
            api.awaitProjectionsCaughtUp(PATIENCE);
            assertThat(api.get("anna", "/api/caseload").expect(200).body()).isEqualTo(caseload);
            assertThat(after.getBean(RebuildMarkers.class).marked()).as("marks left after the rebuild").isEmpty();
        }
    }

    /**
     * As a query-side instance among others (segments balanced through MongoDB): the instance that cut the
     * rebuild short is gone, no live one claims it, so this one takes it over at a heartbeat, without a restart.
     */
    @Test
    void withOtherInstancesAMarkedProjectionNoLiveInstanceRebuildsIsTakenOver() throws Exception {
        try (ConfigurableApplicationContext instance = start(Files.createTempDirectory("sciezka-cut-short-shared"),
                "--sciezka.projections.balance-segments=true")) {
            ApiClient api = client(instance);
            for (String family : List.of("Nowak", "Kowalska")) {
                api.openCase("anna", family);
            }
            api.awaitProjectionsCaughtUp(PATIENCE);
            String caseload = api.get("anna", "/api/caseload").expect(200).body();
            RebuildMarkers markers = instance.getBean(RebuildMarkers.class);

            markers.mark("caseload");
            instance.getBean(MongoTemplate.class).dropCollection("caseloads");

            Eventually.within(PATIENCE, () -> {
                assertThat(markers.marked()).as("marks left").isEmpty();
                assertThat(api.get("anna", "/api/caseload").expect(200).body()).isEqualTo(caseload);
            });
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--sciezka.data-dir=" + dataDir));
        arguments.addAll(List.of(settings));
        return new SpringApplication(SciezkaApplication.class).run(arguments.toArray(String[]::new));
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
