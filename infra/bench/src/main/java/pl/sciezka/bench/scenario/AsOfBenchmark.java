package pl.sciezka.bench.scenario;

import java.time.Duration;
import java.time.Instant;
import pl.sciezka.bench.app.ProjectionStatus;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.client.Latencies;
import pl.sciezka.bench.load.SyntheticData;
import pl.sciezka.bench.report.Report;

/**
 * A case file as of a past instant, rebuilt by the API from a case of {@code events} events, against
 * reading and deserialising that case's events with plain JDBC, both over HTTP and alternating. The
 * reconstruction as of now must equal the live case file, or the figure is worthless and the run fails.
 */
public final class AsOfBenchmark {

    private AsOfBenchmark() {
    }

    public static void run(Api api, SyntheticData synthetic, int events, int samples, Report report) {
        String caseId = synthetic.longCase(events);
        new ProjectionStatus(api).awaitCaughtUp(Duration.ofMinutes(30));
        String asOfNow = "/api/cases/" + caseId + "?asOf=" + Instant.now();
        String live = api.get("celina", "/api/cases/" + caseId).expectOk().body();
        if (!Api.JSON.readTree(api.get("celina", asOfNow).expectOk().body()).equals(Api.JSON.readTree(live))) {
            throw new IllegalStateException("the case file as of now differs from the live one");
        }
        String raw = "/bench/events/raw-read?aggregateId=" + caseId;
        Latencies asOf = new Latencies();
        Latencies read = new Latencies();
        for (int i = -samples / 5; i < samples; i++) { // the first fifth warms up
            long asOfNanos = api.get("celina", asOfNow).expectOk().nanos();
            long readNanos = api.get("admin", raw).expectOk().nanos();
            if (i >= 0) {
                asOf.add(asOfNanos);
                read.add(readNanos);
            }
        }
        report.section("Case file as of a past instant", "raw JDBC read + deserialise of its events");
        report.ratio("as-of reconstruction p50, case of " + events + " events", asOf.p50(), read.p50(), "ms", false, 2.0);
        report.info("as-of reconstruction p99, case of " + events + " events", asOf.p99(), read.p99(), "ms");
        report.line("both over HTTP, alternating, " + samples + " samples each after " + samples / 5 + " of warm-up;"
                + " as of now equals the live case file, " + live.length() / 1024 + " KB of JSON");
    }
}
