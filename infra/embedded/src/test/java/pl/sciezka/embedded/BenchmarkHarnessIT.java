package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pl.sciezka.bench.Bench;
import pl.sciezka.bench.report.Report;

/**
 * The benchmark harness at a small size, against the packaged jar: every benchmark runs end to end and
 * yields every figure against its baseline, and the checks that make a figure worth reading hold (the
 * rebuilt views equal the ones before, the case file as of now equals the live one). No figure is held
 * to its target here: on a shared machine that would be a timed test; docs/BENCHMARKS.md has the targets.
 */
class BenchmarkHarnessIT {

    @Test
    void everyBenchmarkRunsAndReportsEachFigureAgainstItsBaseline() throws Exception {
        Path out = Files.createTempFile("benchmarks", ".md");

        Report report = Bench.run("command", "asof", "growth", "rebuild", "--jar=" + System.getProperty("sciezka.jar"),
                "--out=" + out, "--seconds=3", "--rounds=1", "--max-warm-up=3", "--sizes=400,800", "--samples=10", "--open-cases=3",
                "--asof-events=100");
        System.out.println(report.markdown());

        assertThat(report.ratios()).extracting(Report.Ratio::figure).anyMatch(figure -> figure.startsWith("throughput, 1 client"))
                .anyMatch(figure -> figure.startsWith("throughput, 8 clients")).anyMatch(figure -> figure.startsWith("p99 latency"))
                .anyMatch(figure -> figure.startsWith("as-of reconstruction p50"))
                .anyMatch(figure -> figure.startsWith("append (register member) p50 at 800"))
                .anyMatch(figure -> figure.startsWith("caseload query p50 at 800"))
                .anyMatch(figure -> figure.startsWith("case-file query p50 at 800"))
                .anyMatch(figure -> figure.startsWith("rebuild rate"))
                .anyMatch(figure -> figure.startsWith("memory allocated per event"))
                .anyMatch(figure -> figure.startsWith("storing the rebuilt read models alone"));
        assertThat(report.ratios()).allSatisfy(ratio -> {
            assertThat(ratio.measured()).as(ratio.figure()).isPositive().isFinite();
            assertThat(ratio.baseline()).as(ratio.figure()).isPositive().isFinite();
        });
        assertThat(Files.readString(out)).contains("### Rebuild of all projections", "compared equal before and after")
                .containsPattern("the JIT compiling for \\d+\\.\\d s, then \\d+\\.\\d s");
        assertThat(report.lines()).as("the shape of both sides' tails, and how far the p99 target is")
                .anyMatch(line -> line.matches("latency tail, 8 clients: p90 [\\d.]+, p99 [\\d.]+, p99\\.9 [\\d.]+, longest [\\d.]+ ms"
                        + " for Ścieżka, p90 .* for the baseline; \\d+\\.\\d\\d % of Ścieżka's writes took longer .*"));
        assertThat(report.lines()).as("p50 and p99 of each kind of write in the mix, both sides")
                .anyMatch(line -> line.matches("p50 / p99 by kind of write, 8 clients, Ścieżka against the baseline: acceptance"
                        + " [\\d.]+/[\\d.]+ ms against [\\d.]+/[\\d.]+ ms \\(p99 [\\d.]+ ×\\); delivery .*; referral .*"));
        assertThat(report.lines()).anyMatch(line -> line.matches("views caught up \\d+ ms after Ścieżka's last write, 8 clients .*"));
        assertThat(report.lines()).as("each side's warm-up, one slice here, and the JIT's time in the rounds")
                .anyMatch(line -> line.matches("warm-up, 8 clients: 3 s for Ścieżka, 3 s for the baseline .*JIT compiling while"
                        + " the clients wrote: \\d+\\.\\d s for Ścieżka, \\d+\\.\\d s for the baseline.*"));
        assertThat(report.lines()).as("the files' size per stored event")
                .anyMatch(line -> line.matches("event store [\\d,]+ MB for [1-9][\\d,]* events \\(\\d+\\.\\d KB per event\\).*"));
        Matcher data = Pattern.compile("- data in (\\S+), deleted after the run").matcher(report.markdown());
        assertThat(data.find()).as("the report names the run's data directory").isTrue();
        assertThat(Path.of(data.group(1))).as("the run's data, gigabytes at full size").doesNotExist();
    }
}
