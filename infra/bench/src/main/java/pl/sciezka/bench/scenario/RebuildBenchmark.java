package pl.sciezka.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.bench.app.Application;
import pl.sciezka.bench.app.ProjectionStatus;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.report.LoadAverage;
import pl.sciezka.bench.report.Report;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding every projection at once (one pass over the events) from all stored events, through the
 * admin API, against the raw rate of reading and deserialising the same events with plain JDBC, twice:
 * the first rebuild in a process also pays for compiling the pass's code (two fifths of its CPU over
 * 30,000 events, in a profile of the sixteenth round), the second shows the rate of a process that has
 * rebuilt before; the report says how long the JIT compiled during each. The rebuilt
 * views must equal the ones before, or the figure is worthless and the run fails. Then the floor under any
 * rebuild: the embedded server storing the rebuilt read models alone, on a fresh file ({@code StorageFloorController}).
 */
public final class RebuildBenchmark {

    private static final int RAW_READS = 3;

    private RebuildBenchmark() {
    }

    /** @param sampleCaseIds case files compared before and after the rebuild */
    public static void run(Application app, List<String> sampleCaseIds, Report report) {
        String layout = app.api().get("admin", "/api/admin/projections").expectOk().json().valueStream()
                .map(status -> status.get("name").asString() + " " + status.get("segments").asInt()).toList().toString();
        Api api = app.api();
        ProjectionStatus projections = new ProjectionStatus(api);
        projections.awaitCaughtUp(Duration.ofHours(2));
        Map<String, String> before = views(api, sampleCaseIds);

        List<Double> rawRates = new ArrayList<>();
        long events = 0;
        Duration rawCpu = app.cpuTime();
        double rawAllocated = app.allocatedBytes();
        for (int i = 0; i < RAW_READS; i++) {
            JsonNode read = api.get("admin", "/bench/events/raw-read").expectOk().json();
            events = read.get("events").asLong();
            rawRates.add(events / (read.get("nanos").asLong() / 1e9));
        }
        rawCpu = app.cpuTime().minus(rawCpu).dividedBy(RAW_READS);
        rawAllocated = (app.allocatedBytes() - rawAllocated) / RAW_READS;
        rawRates.sort(Double::compare);

        Rebuilt first = rebuildAll(app, projections, before, sampleCaseIds);
        Rebuilt second = rebuildAll(app, projections, before, sampleCaseIds);
        // a jar from before the bench extension's storage floor answers with an error; its report leaves the floor out
        Api.Response floor = api.post("admin", "/bench/read-models/store-again", "");

        double raw = rawRates.get(RAW_READS / 2);
        String what = projections.names().size() + " projections, " + events + " events";
        report.section("Rebuild of all projections", "raw JDBC read + deserialise");
        report.ratio("rebuild rate, " + what, events / first.seconds(), raw, "events/s", true, 0.5);
        report.ratio("rebuild rate, " + what + ", again in the same process", events / second.seconds(), raw,
                "events/s", true, 0.5);
        // in µs: three figures where milliseconds showed two, so a change of a few per cent shows
        report.info("CPU time of the application per event (less noisy)", first.cpu().toNanos() / 1e3 / events,
                rawCpu.toNanos() / 1e3 / events, "µs");
        report.info("the same, again in the same process", second.cpu().toNanos() / 1e3 / events,
                rawCpu.toNanos() / 1e3 / events, "µs");
        if (floor.ok()) {
            // the embedded server storing what the rebuild ended with, and nothing else (twenty-seventh round)
            JsonNode stored = floor.json();
            report.info("storing the rebuilt read models alone, the floor under any rebuild",
                    events / (stored.get("nanos").asLong() / 1e9), raw, "events/s");
            report.info("its CPU per event", stored.get("cpuNanos").asLong() / 1e3 / events,
                    rawCpu.toNanos() / 1e3 / events, "µs");
        }
        // what G1 has to collect, a fifth of a rebuild's CPU in the profiles since the twenty-third round
        report.info("memory allocated per event", first.allocatedBytes() / 1024.0 / events, rawAllocated / 1024 / events, "KB");
        report.info("the same, again in the same process", second.allocatedBytes() / 1024.0 / events,
                rawAllocated / 1024 / events, "KB");
        report.line(String.format(Locale.ROOT, "rebuilds took %.1f s, then %.1f s (the second finds the pass's code"
                        + " compiled, as in a process that has rebuilt before), of which the request took %.2f s, then %.2f s"
                        + " (the processors stopped, their read models emptied and tokens reset, before it answers);"
                        + " the JIT compiling for %.1f s, then %.1f s (summed"
                        + " over the compiler threads); raw reads: %s events/s; segments %s; %d case files,"
                        + " the caseloads and the cohort answers compared equal before and after each; load %s", first.seconds(), second.seconds(),
                first.resetSeconds(), second.resetSeconds(),
                first.compiling().toMillis() / 1000.0, second.compiling().toMillis() / 1000.0,
                rawRates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).toList(), layout,
                sampleCaseIds.size(), LoadAverage.now()));
    }

    /** {@code resetSeconds}: until the request answered, which the one-pass rebuild does once every projection is reset. */
    private record Rebuilt(double seconds, double resetSeconds, Duration cpu, Duration compiling, long allocatedBytes) {
    }

    /** Rebuilds every projection and waits until all have caught up; the views must then equal {@code before}. */
    private static Rebuilt rebuildAll(Application app, ProjectionStatus projections, Map<String, String> before,
                                      List<String> sampleCaseIds) {
        Api api = app.api();
        Duration cpu = app.cpuTime();
        Duration compiling = app.compilationTime();
        long allocated = app.allocatedBytes();
        long started = System.nanoTime();
        int status = api.post("admin", "/api/admin/projections/rebuild", "").status();
        if (status == 404 || status == 405) { // a jar from before the one-pass rebuild, measured for comparison
            for (String name : projections.names()) {
                status = api.post("admin", "/api/admin/projections/" + name + "/rebuild", "").status();
                if (status != 202) {
                    throw new IllegalStateException("rebuild of " + name + " answered " + status);
                }
            }
        } else if (status != 202) {
            throw new IllegalStateException("the rebuild of every projection answered " + status);
        }
        double resetSeconds = (System.nanoTime() - started) / 1e9;
        projections.awaitCaughtUp(Duration.ofHours(6));
        double seconds = (System.nanoTime() - started) / 1e9;
        cpu = app.cpuTime().minus(cpu);
        compiling = app.compilationTime().minus(compiling);
        allocated = app.allocatedBytes() - allocated;
        if (!views(api, sampleCaseIds).equals(before)) {
            throw new IllegalStateException("the rebuilt views differ from the ones before the rebuild");
        }
        return new Rebuilt(seconds, resetSeconds, cpu, compiling, allocated);
    }

    private static Map<String, String> views(Api api, List<String> caseIds) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            views.put(caseId, api.get("celina", "/api/cases/" + caseId).expectOk().body());
        }
        for (String coordinator : List.of("anna", "bartek")) {
            views.put("caseload:" + coordinator, api.get(coordinator, "/api/caseload").expectOk().body());
        }
        // the cohort cells, which a rebuild's pass writes at its end instead of batch by batch
        for (CohortGrouping grouping : CohortGrouping.values()) {
            for (Horizon horizon : Horizon.values()) {
                for (boolean threeGenerations : List.of(false, true)) {
                    String cohorts = "/api/outcomes/cohorts?groupBy=" + grouping + "&horizon=" + horizon
                            + "&threeGenerationFamiliesOnly=" + threeGenerations;
                    views.put(cohorts, api.get("dawid", cohorts).expectOk().body());
                }
            }
        }
        return views;
    }
}
