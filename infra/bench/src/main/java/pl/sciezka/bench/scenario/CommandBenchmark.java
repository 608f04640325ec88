package pl.sciezka.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import pl.sciezka.bench.app.Application;
import pl.sciezka.bench.app.ProjectionStatus;
import pl.sciezka.bench.client.Latencies;
import pl.sciezka.bench.load.ClosedLoop;
import pl.sciezka.bench.load.FamilyJourney.Target;
import pl.sciezka.bench.load.SyntheticData;
import pl.sciezka.bench.report.Report;
import tools.jackson.databind.JsonNode;

/**
 * Command throughput and latency over HTTP against the baseline (plain Spring MVC + JDBC, same
 * database, same JVM), with 1 and with 8 concurrent clients. Rounds alternate which goes first, and
 * before each round the read side has caught up, so neither pays for the other's backlog. How long
 * that took after Ścieżka's rounds is reported: with the projections in the background, the views
 * lag a burst by about that much.
 */
public final class CommandBenchmark {

    /**
     * @param round     how long each of baseline and Ścieżka is driven per round, and each slice of their warm-ups
     * @param maxWarmUp how long each side's warm-up may take at most; it takes one slice at least
     */
    public record Settings(List<Integer> clients, Duration round, int rounds, Duration maxWarmUp) {
    }

    /** A slice of the warm-up in which the JIT compiled for less than this share of its length counts as warm. */
    private static final double WARM_JIT_SHARE = 0.1;

    private CommandBenchmark() {
    }

    public static void run(Application app, Settings settings, String offeringId, Report report) {
        report.section("Command throughput and latency over HTTP",
                "baseline: plain MVC + JDBC row");
        report.line("write mix per family: open case, 3 members, diagnosis, referral, acceptance, 2 deliveries,"
                + " meeting; families round " + SyntheticData.COORDINATORS.size() + " caseworkers; " + settings.rounds() + " round(s) of "
                + settings.round().toSeconds() + " s per side after each side's warm-up");
        ProjectionStatus projections = new ProjectionStatus(app.api());
        for (int clients : settings.clients()) {
            Duration baselineWarmUp = warmUp(app, Target.BASELINE, clients, settings, offeringId);
            Duration productWarmUp = warmUp(app, Target.PRODUCT, clients, settings, offeringId);
            Map<String, Latencies> productByKind = new TreeMap<>();
            Map<String, Latencies> baselineByKind = new TreeMap<>();
            long productWrites = 0;
            long baselineWrites = 0;
            Duration productCpu = Duration.ZERO;
            Duration baselineCpu = Duration.ZERO;
            Duration catchUpCpu = Duration.ZERO;
            Duration longestCatchUp = Duration.ZERO;
            Collections productGc = Collections.NONE;
            Collections baselineGc = Collections.NONE;
            Duration productJit = Duration.ZERO;
            Duration baselineJit = Duration.ZERO;
            for (int round = 0; round < settings.rounds(); round++) {
                for (Target target : round % 2 == 0 ? List.of(Target.BASELINE, Target.PRODUCT)
                        : List.of(Target.PRODUCT, Target.BASELINE)) {
                    projections.awaitCaughtUp(Duration.ofMinutes(10));
                    Collections gcBefore = Collections.soFar(app);
                    Duration jitBefore = app.compilationTime();
                    Duration cpuBefore = app.cpuTime();
                    ClosedLoop.Result result = ClosedLoop.run(app.port(), target, clients, settings.round(), offeringId);
                    Duration cpu = app.cpuTime().minus(cpuBefore);
                    Collections gc = Collections.soFar(app).minus(gcBefore);
                    Duration jit = app.compilationTime().minus(jitBefore);
                    if (target == Target.PRODUCT) {
                        ClosedLoop.mergeInto(productByKind, result.byKind());
                        productWrites += result.writes();
                        productCpu = productCpu.plus(cpu);
                        productGc = productGc.plus(gc);
                        productJit = productJit.plus(jit);
                        // how long the views lag the burst's last write: what a caseworker would notice
                        Duration catchUpBefore = app.cpuTime();
                        Duration catchUp = projections.awaitCaughtUp(Duration.ofMinutes(10));
                        catchUpCpu = catchUpCpu.plus(app.cpuTime().minus(catchUpBefore));
                        longestCatchUp = catchUp.compareTo(longestCatchUp) > 0 ? catchUp : longestCatchUp;
                    } else {
                        ClosedLoop.mergeInto(baselineByKind, result.byKind());
                        baselineWrites += result.writes();
                        baselineCpu = baselineCpu.plus(cpu);
                        baselineGc = baselineGc.plus(gc);
                        baselineJit = baselineJit.plus(jit);
                    }
                }
            }
            Latencies product = ClosedLoop.all(productByKind);
            Latencies baseline = ClosedLoop.all(baselineByKind);
            double seconds = settings.rounds() * settings.round().toNanos() / 1e9;
            String who = clients == 1 ? "1 client" : clients + " clients";
            report.ratio("throughput, " + who, productWrites / seconds, baselineWrites / seconds, "writes/s", true, 0.5);
            report.ratio("p99 latency, " + who, product.p99(), baseline.p99(), "ms", false, 2.0);
            report.info("p50 latency, " + who, product.p50(), baseline.p50(), "ms");
            // the process's CPU per write while the clients wrote: steadier than the rates on a shared host,
            // where what the neighbours take moves both sides' throughput from round to round
            report.info("CPU time of the application per write, " + who + " (less noisy)",
                    millisPer(productCpu, productWrites), millisPer(baselineCpu, baselineWrites), "ms");
            // the p99 target fails exactly when more than 1 % of Ścieżka's writes take longer than twice the baseline's p99
            report.line(String.format(Locale.ROOT, "latency tail, %s: %s for Ścieżka, %s for the baseline; %.2f %% of"
                            + " Ścieżka's writes took longer than twice the baseline's p99", who, product.tail(),
                    baseline.tail(), product.percentOver(2 * baseline.p99())));
            report.line("p50 / p99 by kind of write, " + who + ", Ścieżka against the baseline: "
                    + byKind(productByKind, baselineByKind));
            report.line("views caught up " + longestCatchUp.toMillis() + " ms after Ścieżka's last write, " + who
                    + " (the longest of " + settings.rounds() + " round(s)); the catch-up took "
                    + String.format(Locale.ROOT, "%.2f", millisPer(catchUpCpu, productWrites))
                    + " ms of CPU per write beside the figure above");
            report.line("garbage collection while the clients wrote, " + who + ": " + productGc.describe(seconds)
                    + " for Ścieżka, " + baselineGc.describe(seconds) + " for the baseline (the JVM's collectors' own"
                    + " count and time: for G1, its pauses)");
            report.line(String.format(Locale.ROOT, "warm-up, %s: %d s for Ścieżka, %d s for the baseline (until the JIT"
                            + " compiled for less than %.0f %% of a slice, at most %d s); JIT compiling while the clients"
                            + " wrote: %.1f s for Ścieżka, %.1f s for the baseline (summed over the compiler threads)",
                    who, productWarmUp.toSeconds(), baselineWarmUp.toSeconds(), 100 * WARM_JIT_SHARE,
                    settings.maxWarmUp().toSeconds(), productJit.toMillis() / 1000.0, baselineJit.toMillis() / 1000.0));
        }
    }

    /** "open 2.10/9.80 ms against 1.20/4.00 ms (p99 2.45 ×), …": which writes make the tail. */
    private static String byKind(Map<String, Latencies> product, Map<String, Latencies> baseline) {
        return product.entrySet().stream().map(kind -> {
            Latencies ours = kind.getValue();
            Latencies theirs = baseline.getOrDefault(kind.getKey(), new Latencies());
            return String.format(Locale.ROOT, "%s %.2f/%.2f ms against %.2f/%.2f ms (p99 %.2f ×)", kind.getKey(),
                    ours.p50(), ours.p99(), theirs.p50(), theirs.p99(), ours.p99() / theirs.p99());
        }).collect(Collectors.joining("; "));
    }

    /**
     * Drives one side in slices of a round until its JIT compilers have about finished. A single slice of 20 s
     * left Ścieżka's C2 compiler busy through most of its measured round on a busy two-core host (the JVM's
     * compilation events: C2 at work 70-100 % of that round, mostly methods not compiled before), while the
     * baseline, with far less code, had settled: the round then measured the warm-up, not the steady state.
     */
    private static Duration warmUp(Application app, Target target, int clients, Settings settings, String offeringId) {
        Duration warmedFor = Duration.ZERO;
        boolean warm = false;
        while (!warm && (warmedFor.isZero() || warmedFor.compareTo(settings.maxWarmUp()) < 0)) {
            Duration jitBefore = app.compilationTime();
            ClosedLoop.run(app.port(), target, clients, settings.round(), offeringId);
            warm = app.compilationTime().minus(jitBefore).toMillis() < WARM_JIT_SHARE * settings.round().toMillis();
            warmedFor = warmedFor.plus(settings.round());
        }
        return warmedFor;
    }

    /** The application JVM's garbage collections and their time, from the bench extension. */
    private record Collections(long count, long millis) {

        static final Collections NONE = new Collections(0, 0);

        static Collections soFar(Application app) {
            JsonNode gc = app.api().get("admin", "/bench/gc").expectOk().json();
            return new Collections(gc.get("count").asLong(), gc.get("millis").asLong());
        }

        Collections minus(Collections earlier) {
            return new Collections(count - earlier.count, millis - earlier.millis);
        }

        Collections plus(Collections other) {
            return new Collections(count + other.count, millis + other.millis);
        }

        String describe(double seconds) {
            return String.format(Locale.ROOT, "%d collections, %d ms (%.1f %% of the time)", count, millis,
                    100 * millis / 1000.0 / seconds);
        }
    }

    private static double millisPer(Duration cpu, long writes) {
        return writes == 0 ? 0 : cpu.toNanos() / 1e6 / writes;
    }
}
