package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged embedded default runs the threads that bring views up to date under SCHED_IDLE and
 * the threads that answer requests under the normal policy, as the kernel itself reports them.
 */
class BackgroundViewsIT {

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_IDLE = 5;

    @Test
    void projectionAndEmbeddedMongoThreadsRunInTheBackgroundAndRequestThreadsDoNot() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-background");
        try (RunningApplication app = new RunningApplication(dataDir)) {
            app.start();
            ApiClient api = new ApiClient(app.port());
            String caseId = api.openCase("anna", "Tło");
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(
                    api.get("anna", "/api/caseload").expect(200).body()).contains(caseId));

            // each worker thread goes to the background when it handles its first event, so wait for all of them
            Eventually.within(Duration.ofSeconds(30), () -> {
                Map<String, List<Integer>> policies = policiesByThreadName(app.pid());
                // the kernel keeps the first 15 characters of a thread's name
                assertThat(policies.get("WorkPackage[cas")).isNotEmpty().containsOnly(SCHED_IDLE);
                assertThat(policies.get("WorkPackage[tim")).isNotEmpty().containsOnly(SCHED_IDLE);
                assertThat(policies.get("mongo-server-wo")).contains(SCHED_IDLE);
                // the event store's reader that fetches events ahead for projections that are behind
                assertThat(policies.get("EmbeddedEventSt")).isNotEmpty().containsOnly(SCHED_IDLE);
                assertThat(policies.entrySet()).filteredOn(e -> e.getKey().startsWith("http-nio"))
                        .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).containsOnly(SCHED_OTHER));
            });
        }
    }

    /** Field 41 of each thread's stat is its scheduling policy; fields are counted after the name, which may hold spaces. */
    private static Map<String, List<Integer>> policiesByThreadName(long pid) {
        Map<String, List<Integer>> policies = new HashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                policies.computeIfAbsent(name, any -> new ArrayList<>()).add(Integer.parseInt(afterName[41 - 3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return policies;
    }
}
