package pl.sciezka.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import pl.sciezka.bench.app.Application;
import pl.sciezka.bench.app.ProjectionStatus;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.client.Latencies;
import pl.sciezka.bench.load.FamilyJourney;
import pl.sciezka.bench.load.SyntheticData;
import pl.sciezka.bench.report.LoadAverage;
import pl.sciezka.bench.report.Report;

/**
 * Whether the cost of a write and of the everyday reads stays flat as the store grows. The store is
 * filled with synthetic closed families up to each size; then, through the API, one client appends
 * (registers members on bartek's cases opened for this size) and reads anna's caseload and case files.
 * Anna keeps the same cases throughout: her open ones, and her closed history written with the first
 * size; the store grows around her by caseworkers taken on for each size ({@link SyntheticData}), so
 * her caseload answers the same at every size (the report prints its length) and the ratio measures
 * the store, not a longer answer. The appends go to fresh cases at every size so that the
 * cases written to are as long at 1M events as at 10k: appending to the same cases at every size would
 * measure their own growth, not the store's.
 */
public final class GrowthBenchmark {

    /**
     * Passes of every operation before the first size is measured. One pass left the JIT cold enough that
     * the 10k figures came out two to three times the 1M ones, which were measured an hour later.
     */
    private static final int WARM_UP_PASSES = 10;

    /** @param sizes stored events at which to measure, ascending; {@code samples} per operation and size */
    public record Settings(List<Long> sizes, int samples, int openCases) {
    }

    private GrowthBenchmark() {
    }

    /** Answers a sample of the cases it wrote, for later benchmarks to read back. */
    public static List<String> run(Application app, SyntheticData synthetic, Settings settings, String offeringId,
                                   Report report) {
        report.section("Growth of the store", "p50 at " + settings.sizes().get(0) + " events");
        Api api = app.api();
        ProjectionStatus projections = new ProjectionStatus(api);
        List<String> annasCases = casesOf(api, offeringId, "anna", settings.openCases());
        Map<Long, Map<String, Double>> p50s = new LinkedHashMap<>();
        List<String> sample = new ArrayList<>();
        Random random = new Random(7);
        for (long size : settings.sizes()) {
            long missing = size - synthetic.storedEvents();
            double generating = 0;
            if (missing > 0) {
                SyntheticData.Written written = synthetic.families(missing);
                sample.addAll(written.sampleCaseIds());
                generating = written.seconds();
            }
            Duration catchUp = projections.awaitCaughtUp(Duration.ofHours(6));
            report.line(String.format(Locale.ROOT, "%d events stored (the generator wrote %d in %.1f s); projections"
                            + " caught up %.1f s after it finished; anna's caseload has %d entries; load %s",
                    synthetic.storedEvents(), Math.max(0, missing), generating, catchUp.toNanos() / 1e9,
                    api.get("anna", "/api/caseload").expectOk().json().get("cases").size(), LoadAverage.now()));
            if (p50s.isEmpty()) {
                List<String> warmUpCases = casesOf(api, offeringId, "bartek", settings.openCases());
                for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                    measure(api, projections, warmUpCases, annasCases, sample, settings.samples(), random);
                }
                report.line("measured after a warm-up of " + WARM_UP_PASSES + " × " + settings.samples()
                        + " samples of each operation");
            }
            p50s.put(size, measure(api, projections, casesOf(api, offeringId, "bartek", settings.openCases()), annasCases,
                    sample, settings.samples(), random));
        }
        long first = settings.sizes().get(0);
        for (long size : settings.sizes().subList(1, settings.sizes().size())) {
            for (String operation : p50s.get(first).keySet()) {
                double at = p50s.get(size).get(operation);
                double base = p50s.get(first).get(operation);
                if (size == settings.sizes().get(settings.sizes().size() - 1)) {
                    report.ratio(operation + " p50 at " + size + " events", at, base, "ms", false, 1.2);
                } else {
                    report.info(operation + " p50 at " + size + " events", at, base, "ms");
                }
            }
        }
        return sample;
    }

    /** Opens {@code count} cases of {@code coordinator}, each through its first weeks. */
    private static List<String> casesOf(Api api, String offeringId, String coordinator, int count) {
        List<String> opened = new ArrayList<>();
        FamilyJourney journey = new FamilyJourney(api, FamilyJourney.Target.PRODUCT, coordinator, offeringId, false,
                (write, response) -> {
                    if (write.kind().equals("open")) {
                        opened.add(response.id());
                    }
                });
        for (int i = 0; i < count; i++) {
            journey.run(coordinator + " " + i);
        }
        return opened;
    }

    private static Map<String, Double> measure(Api api, ProjectionStatus projections, List<String> appendTo,
                                               List<String> annasCases, List<String> sample, int samples,
                                               Random random) {
        Latencies append = new Latencies();
        for (int i = 0; i < samples; i++) {
            String caseId = appendTo.get(i % appendTo.size());
            append.add(api.post("bartek", "/api/cases/" + caseId + "/members", Map.of("firstName", "Tomasz",
                    "lastName", "Nowy", "birthYear", 2010, "generation", "CHILD", "relation", "syn"))
                    .expectOk().nanos());
        }
        projections.awaitCaughtUp(Duration.ofMinutes(10));
        Latencies caseload = new Latencies();
        Latencies caseFile = new Latencies();
        for (int i = 0; i < samples; i++) {
            caseload.add(api.get("anna", "/api/caseload").expectOk().nanos());
            String caseId = i % 2 == 0 || sample.isEmpty() ? annasCases.get(random.nextInt(annasCases.size()))
                    : sample.get(random.nextInt(sample.size()));
            caseFile.add(api.get("celina", "/api/cases/" + caseId).expectOk().nanos());
        }
        Map<String, Double> p50 = new LinkedHashMap<>();
        p50.put("append (register member)", append.p50());
        p50.put("caseload query", caseload.p50());
        p50.put("case-file query", caseFile.p50());
        return p50;
    }
}
