package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.sciezka.bench.app.Application;
import pl.sciezka.bench.durability.KillUnderLoad;
import pl.sciezka.bench.report.Report;

/**
 * The packaged jar under load from 8 clients, killed with SIGKILL at a random moment and started again
 * on the same data, three times (the bench harness does it more often): every write that got a 2xx is
 * in the event store where its answer said and, after catch-up, in the case files and caseloads (each
 * line in its case file's status) with readable names; nothing that was refused is stored; nothing is
 * stored that no client sent; the restarted application takes writes again. This covers all that the
 * former SigkillDurabilityIT checked, under load and repeatedly.
 */
class KillUnderLoadIT {

    @Test
    void acknowledgedWritesSurviveSigkillUnderLoadAndRefusedOnesAreNeverStored() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-kill");
        Report report = new Report();
        // C1 only: starts in half the time on a busy machine, and a JIT tier changes nothing a kill can reveal
        try (Application app = new Application(Path.of(System.getProperty("sciezka.jar")), dataDir, false,
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), List.of())) {
            KillUnderLoad.Outcome outcome = KillUnderLoad.run(app, new KillUnderLoad.Settings(3, 8,
                    Duration.ofMillis(1500), Duration.ofMillis(4000), 20261123L), report);
            System.out.println(report.markdown());

            assertThat(outcome.violations()).isEmpty();
            assertThat(outcome.acknowledged()).as("writes acknowledged").isPositive();
            assertThat(outcome.refused()).as("writes refused by the rules").isPositive();
        }
    }
}
