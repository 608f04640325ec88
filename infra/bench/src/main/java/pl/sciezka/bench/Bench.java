package pl.sciezka.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import pl.sciezka.bench.app.Application;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.durability.KillUnderLoad;
import pl.sciezka.bench.hostile.HostileCampaign;
import pl.sciezka.bench.hostile.HostileRequest;
import pl.sciezka.bench.hostile.HostileRequests;
import pl.sciezka.bench.hostile.Targets;
import pl.sciezka.bench.load.SupportNetwork;
import pl.sciezka.bench.load.SyntheticData;
import pl.sciezka.bench.report.DataFiles;
import pl.sciezka.bench.report.Report;
import pl.sciezka.bench.scenario.AsOfBenchmark;
import pl.sciezka.bench.scenario.CommandBenchmark;
import pl.sciezka.bench.scenario.GrowthBenchmark;
import pl.sciezka.bench.scenario.RebuildBenchmark;

/**
 * The benchmark harness: runs the packaged application (with the bench extension for the benchmarks,
 * as shipped for the durability parts) on fresh data, measures each figure against its baseline in
 * the same run, and writes the report. {@code infra/bench/run} builds what it needs and starts this.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args);
        Report report = run(args);
        System.out.println(report.markdown());
        System.out.println("written to " + options.out().toAbsolutePath());
        boolean violated = report.lines().stream().anyMatch(line -> line.startsWith("VIOLATION"));
        System.exit(violated ? 1 : 0);
    }

    /** Runs the parts the arguments name, as {@code infra/bench/run} would, and answers the report (also written out). */
    public static Report run(String... args) {
        BenchOptions options = BenchOptions.parse(args);
        Report report = new Report();
        Machine.describe(report, String.join(" ", args));
        if (options.parts().stream().anyMatch(List.of("command", "asof", "growth", "rebuild")::contains)) {
            benchmarks(options, report);
        }
        if (options.parts().contains("kill")) {
            onFreshData(options, false, report, app -> KillUnderLoad.run(app, new KillUnderLoad.Settings(options.cycles(),
                    options.killClients(), Duration.ofSeconds(2), Duration.ofSeconds(20), System.nanoTime()), report));
        }
        if (options.parts().contains("hostile")) {
            hostile(options, report);
        }
        Machine.finish(report);
        report.write(options.out());
        return report;
    }

    private static void benchmarks(BenchOptions options, Report report) {
        onFreshData(options, true, report, app -> {
            Duration startup = app.start();
            report.preamble("- application started in " + startup.toSeconds() + " s with " + options.appArguments());
            Api api = app.api();
            SupportNetwork network = SupportNetwork.create(api);
            SyntheticData synthetic = new SyntheticData(api, network);
            if (options.parts().contains("command")) {
                CommandBenchmark.run(app, new CommandBenchmark.Settings(options.clients(), options.round(),
                        options.rounds(), options.maxWarmUp()), network.offeringId(), report);
            }
            if (options.parts().contains("asof")) {
                AsOfBenchmark.run(api, synthetic, options.asOfEvents(), options.samples(), report);
            }
            List<String> sample = new ArrayList<>();
            if (options.parts().contains("growth")) {
                sample.addAll(GrowthBenchmark.run(app, synthetic, new GrowthBenchmark.Settings(options.sizes(),
                        options.samples(), options.openCases()), network.offeringId(), report));
            } else if (options.parts().contains("rebuild")) {
                long missing = options.sizes().get(options.sizes().size() - 1) - synthetic.storedEvents();
                if (missing > 0) {
                    sample.addAll(synthetic.families(missing).sampleCaseIds());
                }
            }
            if (options.parts().contains("rebuild")) {
                RebuildBenchmark.run(app, sample, report);
            }
            DataFiles.describe(app.dataDir(), synthetic.storedEvents(), report);
        });
    }

    private static void hostile(BenchOptions options, Report report) {
        onFreshData(options, true, report, app -> {
            app.start();
            Api api = app.api();
            Targets targets = Targets.prepare(api);
            List<HostileRequest> requests = new ArrayList<>(HostileRequests.all(targets));
            requests.addAll(HostileRequests.compound(targets, Math.max(0, options.hostile() - requests.size()), 7));
            HostileCampaign.Outcome outcome = HostileCampaign.run(api, requests,
                    () -> api.get("admin", "/bench/events/count").expectOk().json().get("events").asLong());
            report.section("Hostile input", "");
            report.line(outcome.sent() + " requests (every single mutation of every write endpoint, then compound ones);"
                    + " answers by status: " + outcome.byStatus() + "; violations: " + outcome.violations().size());
            outcome.violations().stream().limit(50).forEach(violation -> report.line("VIOLATION " + violation));
        });
    }

    /**
     * Runs a part against the application on a data directory of its own, deleted once the application has
     * stopped: a command benchmark leaves 6–7 GB, and a few runs fill a disk. The application's log, beside
     * the directory, is kept; the data too with {@code --keep-data}, to look into the files afterwards.
     */
    private static void onFreshData(BenchOptions options, boolean withExtension, Report report, Consumer<Application> part) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("sciezka-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.preamble("- data in " + dataDir + (options.keepData() ? ", kept" : ", deleted after the run"));
        try (Application app = new Application(options.jar(), dataDir, withExtension, options.jvmOptions(),
                options.appArguments())) {
            part.accept(app);
        } finally {
            if (!options.keepData()) {
                delete(dataDir);
            }
        }
    }

    /** Says so instead of throwing, so that a failed part's own exception is the one reported. */
    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the benchmark's data in " + directory + ": " + e);
        }
    }
}
